using Clusterdeck.Tests.Infrastructure;

namespace Clusterdeck.Tests.Metrics.Sources;

/// <summary>The default source: the server's own in-process metric store, fed over <c>/api/write</c>.</summary>
public sealed class InProcessSourceFixture : MetricSourceFixture
{
    private string _token = "";

    public override bool Writable => true;

    public override async ValueTask InitializeAsync()
    {
        Reader = await ClusterdeckServer.StartAsync(prepare: SourceTestCluster.WriteArchive);
        _token = await Reader.AdminTokenAsync();
        await WriteAsync(KnownValueLines());
    }

    public override Task WriteAsync(string lines) => WriteToAsync(Reader!, _token, lines);
}
