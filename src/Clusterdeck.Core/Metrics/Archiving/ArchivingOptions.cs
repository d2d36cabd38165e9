using Clusterdeck.Core.Configuration;

namespace Clusterdeck.Core.Metrics.Archiving;

/// <summary>The <c>Archiving</c> section: archiving stopped jobs and refreshing running jobs' duration and footprint.</summary>
public sealed class ArchivingOptions
{
    public const string SectionName = "Archiving";

    /// <summary>
    /// Whether stopped jobs are archived. Off, they wait in the queue (the job table) until a server with archiving
    /// on starts; nothing is lost.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How many jobs are archived at the same time.</summary>
    public int Workers { get; set; } = 2;

    /// <summary>How often running jobs get their duration and footprint refreshed (Go or .NET duration); <c>0</c> turns it off.</summary>
    public string RefreshInterval { get; set; } = "5m";

    /// <summary>How many times a job whose archiving failed for a reason that may pass (source unreachable, disk or database error) is tried again.</summary>
    public int Retries { get; set; } = 5;

    /// <summary>The wait before the first retry; it doubles with each further one, up to <see cref="MaxRetryDelay"/>.</summary>
    public string RetryDelay { get; set; } = "30s";

    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(30);

    public static readonly TimeSpan MaxRefreshInterval = TimeSpan.FromHours(24);

    public TimeSpan RefreshIntervalSpan => DurationText.Parse(RefreshInterval);

    public TimeSpan RetryDelaySpan => DurationText.Parse(RetryDelay);
}
