namespace Clusterdeck.Core.Jobs.Queries;

/// <summary>A job list request: filters (AND), one order, an optional page.</summary>
public sealed record JobQuery
{
    public IReadOnlyList<JobFilter> Filters { get; init; } = [];
    public JobOrder Order { get; init; } = JobOrder.Newest;
    public PageRequest? Page { get; init; }

    /// <summary>Whether to count all matching rows (costs a second query).</summary>
    public bool IncludeCount { get; init; } = true;
}
