using Clusterdeck.Tests.Infrastructure;

namespace Clusterdeck.Tests.Metrics.Sources;

/// <summary>
/// An external cc-metric-store: server A holds the data in its in-process store and answers <c>/api/query</c>;
/// server B is configured with <c>MetricSource:Kind=cc-metric-store</c> pointing at A with an api token of A, and
/// is the one read.
/// </summary>
public sealed class ExternalSourceFixture : MetricSourceFixture
{
    private string _token = "";

    /// <summary>Server A, which holds the data.</summary>
    public ClusterdeckServer? Store { get; private set; }

    public override bool Writable => true;

    public override async ValueTask InitializeAsync()
    {
        Store = await ClusterdeckServer.StartAsync(prepare: SourceTestCluster.WriteArchive);
        _token = await Store.AdminTokenAsync();
        await WriteAsync(KnownValueLines());
        Reader = await ClusterdeckServer.StartAsync(
            [
                "MetricSource:Kind=cc-metric-store",
                $"MetricSource:Url={Store.BaseAddress}",
                $"MetricSource:Token={_token}",
            ],
            prepare: SourceTestCluster.WriteArchive);
    }

    public override Task WriteAsync(string lines) => WriteToAsync(Store!, _token, lines);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Store is not null)
        {
            await Store.DisposeAsync();
        }
    }
}
