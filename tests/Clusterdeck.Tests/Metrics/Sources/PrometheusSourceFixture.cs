using System.Globalization;
using Clusterdeck.Tests.Infrastructure;

namespace Clusterdeck.Tests.Metrics.Sources;

/// <summary>
/// A real Prometheus scraping a real node exporter every second (<see cref="PrometheusServer"/>): the known values
/// come from the exporter's textfile collector, node03 is this machine (its real load and memory), and a server
/// configured with <c>MetricSource:Kind=prometheus</c> and one template per metric is the one read.
/// </summary>
public sealed class PrometheusSourceFixture : MetricSourceFixture
{
    /// <summary>The host whose metrics are this machine's, as the node exporter reports them.</summary>
    public const string LocalHost = "node03";

    private const string Selector = "{exported_instance=~\"{{.Nodes}}\"}";

    /// <summary>Seconds of scraped history the suite needs before it starts.</summary>
    private static readonly TimeSpan History = TimeSpan.FromSeconds(24);

    public PrometheusServer? Prometheus { get; private set; }

    public override bool Writable => false;

    public override async ValueTask InitializeAsync()
    {
        if (PrometheusServer.MissingPrograms() is { } missing)
        {
            SkipReason = ExternalService.Unavailable(missing);
            return;
        }

        var textfile = string.Join('\n', SourceTestCluster.KnownValues.SelectMany(metric => metric.Value.Select(host =>
            $"{metric.Key}_test{{instance=\"{host.Key}\"}} {host.Value.ToString("R", CultureInfo.InvariantCulture)}"))) + "\n";
        Prometheus = await PrometheusServer.StartAsync(new Dictionary<string, string> { ["clusterdeck.prom"] = textfile }, LocalHost);
        Reader = await ClusterdeckServer.StartAsync(
            [
                "MetricSource:Kind=prometheus",
                $"MetricSource:Url={Prometheus.Url}",
                $"MetricSource:Templates:{SourceTestCluster.Load}=cd_load_test{Selector}",
                $"MetricSource:Templates:{SourceTestCluster.Memory}=cd_mem_test{Selector}",
                $"MetricSource:Templates:{SourceTestCluster.NoData}=cd_none_test{Selector}",
                $"MetricSource:Templates:{SourceTestCluster.CpuLoad}=node_load1{Selector}",
                $"MetricSource:Templates:{SourceTestCluster.MemUsed}=(node_memory_MemTotal_bytes{Selector} - node_memory_MemAvailable_bytes{Selector}) / 1e9",
            ],
            prepare: SourceTestCluster.WriteArchive);

        // The first scrape can come a little after the series first answers; one second of margin at each end.
        var first = await Prometheus.WaitForHistoryAsync("cd_load_test", History, TimeSpan.FromSeconds(60));
        DataFrom = first + 1;
        DataTo = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 1;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Prometheus is not null)
        {
            await Prometheus.DisposeAsync();
        }
    }
}
