namespace Clusterdeck.Core.Metrics.Sources;

/// <summary>
/// The <c>MetricSource</c> section: where live metric data is read. The top-level keys apply to every cluster;
/// <c>MetricSource:Clusters:&lt;name&gt;:...</c> gives one cluster its own source with the same keys.
/// </summary>
public sealed class MetricSourceOptions : MetricBackendOptions
{
    public const string SectionName = "MetricSource";

    /// <summary>The environment variable holding the Prometheus basic-auth password.</summary>
    public const string PrometheusPasswordVariable = "PROMETHEUS_PASSWORD";

    /// <summary>Per-cluster sources, keyed by cluster name.</summary>
    public Dictionary<string, MetricBackendOptions> Clusters { get; set; } = new(StringComparer.Ordinal);
}
