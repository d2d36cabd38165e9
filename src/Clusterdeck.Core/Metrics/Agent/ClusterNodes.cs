namespace Clusterdeck.Core.Metrics.Agent;

/// <summary>A cluster's name and the node-list expressions of its subclusters, as far as the agent needs them.</summary>
public sealed record ClusterNodes(string Name, IReadOnlyList<string> NodeLists);
