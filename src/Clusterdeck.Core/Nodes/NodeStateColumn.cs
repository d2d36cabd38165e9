namespace Clusterdeck.Core.Nodes;

/// <summary>Which state a count groups by: the scheduler's or the health.</summary>
public enum NodeStateColumn
{
    Scheduler,
    Health,
}
