namespace Clusterdeck.Core.Jobs.Queries;

/// <summary>cc-backend's <c>jobsStatistics</c> request.</summary>
public sealed record JobStatisticsQuery
{
    public IReadOnlyList<JobFilter> Filters { get; init; } = [];

    /// <summary>Null: one row over all matching jobs.</summary>
    public StatisticsGrouping? GroupBy { get; init; }

    /// <summary>One of cc-backend's <c>SortByAggregate</c> names (<c>TOTALJOBS</c>, <c>TOTALNODEHOURS</c>, ...), descending.</summary>
    public string? SortBy { get; init; }

    public PageRequest? Page { get; init; }

    /// <summary>Whether to compute the duration, nodes, cores and accelerator histograms.</summary>
    public bool WithHistograms { get; init; }

    /// <summary>cc-backend's <c>numDurationBins</c> (<c>1m</c>, <c>10m</c>, <c>1h</c>, <c>6h</c>, <c>12h</c>, <c>24h</c>); null means its default.</summary>
    public string? DurationBins { get; init; }

    /// <summary>Jobs shorter than this many seconds count as short jobs (cc-backend's <c>short-running-jobs-duration</c>).</summary>
    public int ShortJobSeconds { get; init; } = 300;
}
