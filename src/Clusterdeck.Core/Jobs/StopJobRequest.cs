namespace Clusterdeck.Core.Jobs;

/// <summary>
/// cc-backend's stop_job request. The job is found by <see cref="JobId"/> (required) and, when given,
/// <see cref="Cluster"/> and <see cref="StartTime"/>; the newest match wins. An empty state means completed.
/// </summary>
public sealed record StopJobRequest(long? JobId, string? Cluster, long? StartTime, string? State, long StopTime);
