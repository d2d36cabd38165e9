namespace Clusterdeck.Core.Jobs.Queries;

/// <summary>cc-backend's <c>JobsStatistics</c> row for one group (or for all jobs when ungrouped: Id is empty).</summary>
public sealed record JobGroupStatistics
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public long TotalUsers { get; init; }
    public long TotalJobs { get; init; }
    public long RunningJobs { get; init; }
    public long ShortJobs { get; init; }
    public long TotalWalltime { get; init; }
    public long TotalNodes { get; init; }
    public long TotalNodeHours { get; init; }
    public long TotalCores { get; init; }
    public long TotalCoreHours { get; init; }
    public long TotalAccs { get; init; }
    public long TotalAccHours { get; init; }
    public IReadOnlyList<HistogramPoint> HistDuration { get; init; } = [];
    public IReadOnlyList<HistogramPoint> HistNumNodes { get; init; } = [];
    public IReadOnlyList<HistogramPoint> HistNumCores { get; init; } = [];
    public IReadOnlyList<HistogramPoint> HistNumAccs { get; init; } = [];
}
