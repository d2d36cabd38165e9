using Clusterdeck.Core.Jobs.Queries;

namespace Clusterdeck.Core.Jobs;

/// <summary>
/// The job table. Implementations must make a job visible to every query as soon as <see cref="AddAsync"/>
/// returns (no delayed cache table), and must treat (cluster, jobId, startTime) as unique.
/// </summary>
public interface IJobStore
{
    /// <summary>Stores a new job and returns its database id. Throws <c>ConflictException</c> when (cluster, jobId, startTime) exists.</summary>
    Task<long> AddAsync(Job job, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a new job unless a job of the same cluster and jobId started after <paramref name="conflictsAfter"/> (Unix
    /// seconds) or has the same key; the check and the insert are atomic. Throws <c>ConflictException</c> naming the existing job.
    /// </summary>
    Task<long> AddUnlessStartedAfterAsync(Job job, long conflictsAfter, CancellationToken cancellationToken);

    /// <summary>Stores many jobs in as few transactions as possible; jobs whose key exists are skipped. Returns how many were added.</summary>
    Task<int> AddManyAsync(IReadOnlyList<Job> jobs, CancellationToken cancellationToken);

    /// <summary>The job with its tags, or null.</summary>
    Task<Job?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>The job with the newest start time matching jobId and, when given, cluster and startTime.</summary>
    Task<Job?> FindAsync(long jobId, string? cluster, long? startTime, CancellationToken cancellationToken);

    /// <summary>Replaces the stored row of <c>job.Id</c> (state, duration, metadata, footprint, ...). False when it is gone.</summary>
    Task<bool> UpdateAsync(Job job, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(long id, CancellationToken cancellationToken);

    /// <summary>
    /// The archiving queue: stopped jobs (state not <c>running</c>) whose monitoring status is still
    /// <see cref="MonitoringStatus.RunningOrArchiving"/>, lowest id first, with their tags. Durable by construction:
    /// stop_job commits the state change and thereby enqueues the job.
    /// </summary>
    Task<IReadOnlyList<Job>> ListAwaitingArchiveAsync(int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Records the outcome of archiving a stopped job: its monitoring status and, when given, its metrics summary.
    /// Touches no other column, so a concurrent edit_meta or tag change is never overwritten. False when the job is gone.
    /// </summary>
    Task<bool> SetArchiveResultAsync(long id, int monitoringStatus, JobMetricsSummary? summary, CancellationToken cancellationToken);

    /// <summary>
    /// Sets one key of the job's metadata in place (SQLite <c>json_patch</c>, PostgreSQL <c>jsonb ||</c>), keeping every
    /// other key and column, so it never overwrites a concurrent edit of another key. False when the job is gone.
    /// </summary>
    Task<bool> SetMetadataValueAsync(long id, string key, string value, CancellationToken cancellationToken);

    /// <summary>Running jobs with an id above <paramref name="afterId"/>, lowest id first (for paging through them).</summary>
    Task<IReadOnlyList<Job>> ListRunningAsync(long afterId, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Refreshes a running job's duration and metrics summary. Does nothing and answers false once the job has
    /// stopped, so a refresh racing with stop_job never writes stale values over the stopped job.
    /// </summary>
    Task<bool> RefreshRunningAsync(long id, int duration, JobMetricsSummary summary, CancellationToken cancellationToken);

    /// <summary>Deletes jobs that started before <paramref name="startTime"/> (Unix seconds); with <paramref name="omitTagged"/>, tagged jobs stay.</summary>
    Task<int> DeleteStartedBeforeAsync(long startTime, bool omitTagged, CancellationToken cancellationToken);

    /// <summary>
    /// Starts a rebuild of the job table from the archive: removes every job and job-tag row and may set the
    /// table's secondary indexes aside; disposing the returned scope restores them (and must leave the table
    /// fully indexed even after an interrupted rebuild, at the latest when the database is next migrated).
    /// Meanwhile only <see cref="AddManyAsync"/> should write.
    /// </summary>
    Task<IAsyncDisposable> BeginRebuildAsync(CancellationToken cancellationToken);

    Task<JobPage> QueryAsync(JobQuery query, JobVisibility visibility, CancellationToken cancellationToken);

    Task<IReadOnlyList<JobGroupStatistics>> StatisticsAsync(JobStatisticsQuery query, JobVisibility visibility, CancellationToken cancellationToken);

    /// <summary>The distinct, non-empty partitions of the cluster's jobs, in name order (cc-backend's <c>Cluster.partitions</c>).</summary>
    Task<IReadOnlyList<string>> PartitionsAsync(string cluster, CancellationToken cancellationToken);

    /// <summary>Per cluster, the hostnames of jobs running at <paramref name="timestamp"/> (Unix seconds).</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> UsedNodesAsync(long timestamp, CancellationToken cancellationToken);
}
