namespace Clusterdeck.Core.Nodes;

/// <summary>
/// For one state, how many nodes reported it at each update time (cc-backend's <c>NodeStatesTimed</c>):
/// <see cref="Counts"/>[i] nodes at <see cref="Times"/>[i] (Unix seconds), oldest first.
/// </summary>
public sealed record NodeStateTimeline(string State, IReadOnlyList<long> Counts, IReadOnlyList<long> Times);
