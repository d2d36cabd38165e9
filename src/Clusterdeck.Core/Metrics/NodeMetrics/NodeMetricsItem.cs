using Clusterdeck.Core.Archive;

namespace Clusterdeck.Core.Metrics.NodeMetrics;

/// <summary>One host of a node list page: its subcluster, its scheduler and health state ("" when the node table lacks it), and its data.</summary>
public sealed record NodeMetricsItem(string Host, string SubCluster, string NodeState, string HealthState, JobData Metrics);
