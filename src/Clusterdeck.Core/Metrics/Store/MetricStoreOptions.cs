using Clusterdeck.Core.Configuration;
using Clusterdeck.Core.Storage;

namespace Clusterdeck.Core.Metrics.Store;

/// <summary>The <c>MetricStore</c> section: the in-process metric store's timestep, retention, memory cap and checkpoints.</summary>
public sealed class MetricStoreOptions
{
    public const string SectionName = "MetricStore";

    /// <summary>Seconds between samples for metrics the cluster catalog does not describe (clusters without a cluster.json).</summary>
    public int DefaultTimestep { get; set; } = 60;

    /// <summary>How long samples are kept in memory (Go duration or d.hh:mm:ss). Older points are refused at ingest and freed.</summary>
    public string Retention { get; set; } = "48h";

    /// <summary>Megabytes of sample memory at most; the oldest chunks are freed first when it is exceeded. 0 means no limit.</summary>
    public long MemoryLimit { get; set; }

    public MetricCheckpointOptions Checkpoints { get; set; } = new();

    public TimeSpan RetentionSpan => DurationText.Parse(Retention);

    public long MemoryLimitBytes => MemoryLimit * 1024 * 1024;
}

/// <summary>The <c>MetricStore:Checkpoints</c> subsection: a write-ahead log and periodic snapshots, so acknowledged points survive a crash.</summary>
public sealed class MetricCheckpointOptions
{
    public bool Enabled { get; set; }

    /// <summary>Where the log and snapshots live. Empty means <c>&lt;Storage:DataDirectory&gt;/metric-checkpoints</c>.</summary>
    public string Directory { get; set; } = "";

    /// <summary>How often a snapshot is written and the log truncated (Go duration or d.hh:mm:ss).</summary>
    public string Interval { get; set; } = "5m";

    /// <summary>
    /// Also fsync the log before acknowledging. Off by default: a completed write(2) already survives the process being
    /// killed (the data is in the kernel's page cache); fsync adds protection against power loss at a cost in ingest speed.
    /// </summary>
    public bool SyncWrites { get; set; }

    public TimeSpan IntervalSpan => DurationText.Parse(Interval);

    public string ResolveDirectory(StorageOptions storage) =>
        Path.GetFullPath(Directory.Length == 0 ? Path.Combine(storage.ResolvedDataDirectory, "metric-checkpoints") : Directory);
}
