using Clusterdeck.Core.Jobs.Queries;

namespace Clusterdeck.Core.Nodes;

/// <summary>
/// cc-backend's <c>NodeFilter</c>: every condition set must hold, and a list of filters is ANDed. On the node list and
/// state counts the state conditions apply to each node's current state; on the timed counts, to the history rows.
/// <see cref="TimeStart"/> (Unix seconds, exclusive) bounds the history rows; on the list it keeps nodes whose current
/// state is newer (cc-backend ignores it there).
/// </summary>
public sealed record NodeFilter
{
    public StringInput? Hostname { get; init; }
    public StringInput? Cluster { get; init; }
    public StringInput? SubCluster { get; init; }
    public string? SchedulerState { get; init; }
    public string? HealthState { get; init; }
    public long? TimeStart { get; init; }
}
