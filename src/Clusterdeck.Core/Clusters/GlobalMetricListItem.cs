using Clusterdeck.Core.Jobs;

namespace Clusterdeck.Core.Clusters;

/// <summary>
/// A metric name across all clusters (cc-lib <c>schema.GlobalMetricListItem</c>): unit, scope and restriction as
/// first configured, the footprint statistic where any subcluster has one, and where the metric is measured.
/// </summary>
public sealed record GlobalMetricListItem(
    string Name, MetricUnit Unit, string Scope, string? Footprint, bool Restrict, IReadOnlyList<ClusterSupport> Availability);

