using System.Text;
using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Metrics.Store;
using Clusterdeck.Tests.Archive;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Clusterdeck.Tests.Metrics.Store;

/// <summary>A <see cref="MetricStore"/> over the reference clusters (emmy, fritz, alex) with a clock the test moves.</summary>
internal sealed class InProcessMetricStore : IDisposable
{
    /// <summary>2024-01-01T00:00:00Z, a multiple of 60.</summary>
    public const long Now = 1_704_067_200;

    private static readonly Lazy<ClusterCatalog> Catalog = new(() => ClusterCatalog.Load(ReferenceArchive.Root));

    public InProcessMetricStore(Action<MetricStoreOptions>? configure = null)
    {
        var options = new MetricStoreOptions();
        configure?.Invoke(options);
        Options = options;
        Time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(Now));
        Store = new MetricStore(Catalog.Value, Microsoft.Extensions.Options.Options.Create(options), Time, NullLogger<MetricStore>.Instance);
    }

    public MetricStore Store { get; }

    public FakeTimeProvider Time { get; }

    public MetricStoreOptions Options { get; }

    public ValueTask<Clusterdeck.Core.Metrics.LineProtocolWriteResult> WriteAsync(string lines, string cluster = "emmy", TimestampPrecision precision = TimestampPrecision.Auto) =>
        Store.WriteAsync(cluster, Encoding.UTF8.GetBytes(lines), precision, TestContext.Current.CancellationToken);

    public void Dispose() => Store.Dispose();
}
