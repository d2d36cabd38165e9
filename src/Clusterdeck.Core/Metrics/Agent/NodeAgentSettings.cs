namespace Clusterdeck.Core.Metrics.Agent;

/// <summary>How one node agent runs.</summary>
/// <param name="Hostname">The <c>hostname</c> tag of every line.</param>
/// <param name="Interval">Time between readings: the metrics' timestep (60 s in the reference clusters).</param>
public sealed record NodeAgentSettings(string Hostname, TimeSpan Interval)
{
    /// <summary>Undelivered batches kept while the target is unreachable; the oldest go first beyond this.</summary>
    public long BacklogLimitBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>The longest wait between two attempts to deliver the backlog (never longer than <see cref="Interval"/>).</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>For a single reading: the time between the two readings that rates are measured over.</summary>
    public TimeSpan RateWindow => Interval < TimeSpan.FromSeconds(1) ? Interval : TimeSpan.FromSeconds(1);

    /// <summary>For a single reading: how often delivery is tried before giving up.</summary>
    public int SingleDeliveryAttempts { get; init; } = 3;
}
