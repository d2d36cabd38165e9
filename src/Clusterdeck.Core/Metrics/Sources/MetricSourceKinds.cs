namespace Clusterdeck.Core.Metrics.Sources;

/// <summary>The values of <c>MetricSource:Kind</c>.</summary>
public static class MetricSourceKinds
{
    /// <summary>The in-process metric store (the default).</summary>
    public const string Internal = "internal";

    /// <summary>An external cc-metric-store, or another Clusterdeck, over its query API.</summary>
    public const string CcMetricStore = "cc-metric-store";

    /// <summary>A Prometheus server, read with one PromQL template per metric.</summary>
    public const string Prometheus = "prometheus";

    public static IReadOnlyList<string> All { get; } = [Internal, CcMetricStore, Prometheus];
}
