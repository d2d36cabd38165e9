namespace Clusterdeck.Core.Metrics.JobMetrics;

/// <summary>
/// What part of a job's metric data to load. <see cref="Metrics"/> null means every metric the caller may see;
/// <see cref="Scopes"/> null means cc-backend's default: node scope for live data, every stored scope for archived
/// data. <see cref="Resolution"/> is in seconds; 0 means native (the archive is then served as stored).
/// </summary>
public sealed record JobDataRequest(IReadOnlyList<string>? Metrics = null, IReadOnlyList<string>? Scopes = null, int Resolution = 0);
