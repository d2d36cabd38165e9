namespace Clusterdeck.Core.Jobs;

/// <summary>How batch systems name a job: its scheduler id and, to disambiguate, cluster and start time.</summary>
public sealed record JobKey(long JobId, string? Cluster, long? StartTime);
