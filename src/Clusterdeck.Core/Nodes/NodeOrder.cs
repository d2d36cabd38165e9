namespace Clusterdeck.Core.Nodes;

/// <summary>
/// Order of the node list: a field of <c>Node</c> (hostname, cluster, subCluster, schedulerState, healthState,
/// jobsRunning, cpusAllocated, memoryAllocated, gpusAllocated, timeStamp). cc-backend accepts an order and ignores it,
/// always sorting by hostname; Clusterdeck honours it and breaks ties by hostname.
/// </summary>
public sealed record NodeOrder(string Field, bool Descending = false)
{
    public static NodeOrder ByHostname { get; } = new("hostname");

    public static IReadOnlyList<string> Fields { get; } =
        ["hostname", "cluster", "subCluster", "schedulerState", "healthState", "jobsRunning", "cpusAllocated", "memoryAllocated", "gpusAllocated", "timeStamp"];
}
