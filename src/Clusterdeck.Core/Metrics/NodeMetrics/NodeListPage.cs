namespace Clusterdeck.Core.Metrics.NodeMetrics;

/// <summary>A page of hosts with their data, how many hosts matched in all, and whether a next page exists.</summary>
public sealed record NodeListPage(IReadOnlyList<NodeMetricsItem> Items, int TotalNodes, bool HasNextPage);
