using Clusterdeck.Core.Archive;

namespace Clusterdeck.Core.Metrics.NodeMetrics;

/// <summary>One host of a node list page: its subcluster and its data (metric → scope → series).</summary>
public sealed record NodeMetricsItem(string Host, string SubCluster, JobData Metrics);
