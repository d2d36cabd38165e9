namespace Clusterdeck.GraphQL.Types;

/// <summary>One host's data as cc-backend's <c>NodeMetrics</c> carries it.</summary>
internal sealed record NodeMetrics(string Host, string NodeState, string MetricHealth, string SubCluster, IReadOnlyList<JobMetricWithName> Metrics);
