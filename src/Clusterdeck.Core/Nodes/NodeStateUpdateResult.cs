namespace Clusterdeck.Core.Nodes;

/// <summary>
/// What an update stored: <see cref="Stored"/> nodes, and the hosts it left out because no subcluster of the cluster
/// contains them (cc-backend cannot place them either and skips them).
/// </summary>
public sealed record NodeStateUpdateResult(int Stored, IReadOnlyList<string> SkippedHosts, long TimeStamp);
