namespace Clusterdeck.Core.Nodes;

/// <summary>
/// A node's state at <see cref="TimeStamp"/> (Unix seconds): a row of the history (cc-backend's <c>node_state</c>
/// table) and, for the newest one, the node's current state. <see cref="HealthMetrics"/> is cc-backend's JSON
/// <c>{"missing": [...], "degraded": [...]}</c>.
/// </summary>
public sealed record NodeStateRecord
{
    public long TimeStamp { get; init; }
    public string SchedulerState { get; init; } = SchedulerStates.Unknown;
    public string HealthState { get; init; } = MonitoringStates.Failed;
    public string? HealthMetrics { get; init; }
    public int CpusAllocated { get; init; }
    public long MemoryAllocated { get; init; }
    public int GpusAllocated { get; init; }
    public int JobsRunning { get; init; }
}
