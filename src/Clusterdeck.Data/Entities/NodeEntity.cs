namespace Clusterdeck.Data.Entities;

/// <summary>
/// Row of table <c>node</c>: one per (cluster, hostname), as in cc-backend, plus the node's current state. cc-backend
/// finds the current state as the newest <c>node_state</c> row each time; keeping it here lets lists and counts read
/// one row per node.
/// </summary>
internal sealed class NodeEntity
{
    public long Id { get; set; }
    public required string Hostname { get; set; }
    public required string Cluster { get; set; }
    public required string SubCluster { get; set; }
    public string? MetaData { get; set; }
    public long TimeStamp { get; set; }
    public required string NodeState { get; set; }
    public required string HealthState { get; set; }
    public string? HealthMetrics { get; set; }
    public int CpusAllocated { get; set; }
    public long MemoryAllocated { get; set; }
    public int GpusAllocated { get; set; }
    public int JobsRunning { get; set; }
}
