namespace Clusterdeck.Core.Nodes;

/// <summary>How many nodes are in <see cref="State"/> (cc-backend's <c>NodeStates</c>).</summary>
public sealed record NodeStateCount(string State, long Count);
