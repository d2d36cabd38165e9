namespace Clusterdeck.Core.Nodes;

/// <summary>What the store records for one node in one update: its current state and a new history row.</summary>
public sealed record NodeStateWrite(string Hostname, string SubCluster, NodeStateRecord State);
