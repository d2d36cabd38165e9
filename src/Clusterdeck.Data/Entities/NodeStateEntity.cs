namespace Clusterdeck.Data.Entities;

/// <summary>Row of table <c>node_state</c>: one reported state of a node (its history). Deleting the node deletes its rows.</summary>
internal sealed class NodeStateEntity
{
    public long Id { get; set; }
    public long NodeId { get; set; }
    public long TimeStamp { get; set; }
    public required string NodeState { get; set; }
    public required string HealthState { get; set; }
    public string? HealthMetrics { get; set; }
    public int CpusAllocated { get; set; }
    public long MemoryAllocated { get; set; }
    public int GpusAllocated { get; set; }
    public int JobsRunning { get; set; }
}
