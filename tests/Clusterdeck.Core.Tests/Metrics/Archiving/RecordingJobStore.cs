using Clusterdeck.Core.Jobs;
using Clusterdeck.Core.Jobs.Queries;

namespace Clusterdeck.Core.Tests.Metrics.Archiving;

/// <summary>
/// A hand-written fake <see cref="IJobStore"/> that keeps jobs in memory and implements only what archiving and the
/// running-job refresh call (queue, result, one metadata key, running refresh). The SQL store's own behaviour for these
/// methods is tested on SQLite and PostgreSQL in <c>JobStoreContractTests</c>; here we check what the archiver asks of it.
/// </summary>
internal sealed class RecordingJobStore : IJobStore
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<long, Job> _jobs = [];

    public int QueueReads { get; private set; }

    /// <summary>Thrown by every write while set.</summary>
    public Exception? WriteFailure { get; set; }

    public long Add(Job job)
    {
        lock (_lock)
        {
            var id = _jobs.Count + 1L;
            _jobs[id] = job with { Id = id };
            return id;
        }
    }

    public Job Get(long id)
    {
        lock (_lock)
        {
            return _jobs[id];
        }
    }

    public Task<Job?> GetAsync(long id, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_jobs.GetValueOrDefault(id));
        }
    }

    public Task<IReadOnlyList<Job>> ListAwaitingArchiveAsync(int limit, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            QueueReads++;
            IReadOnlyList<Job> queued = [.. _jobs.Values
                .Where(j => j.State != JobStates.Running && j.MonitoringStatus == MonitoringStatus.RunningOrArchiving)
                .Take(limit)];
            return Task.FromResult(queued);
        }
    }

    public Task<bool> SetArchiveResultAsync(long id, int monitoringStatus, JobMetricsSummary? summary, CancellationToken cancellationToken) =>
        Write(id, job => summary is null
            ? job with { MonitoringStatus = monitoringStatus }
            : job with { MonitoringStatus = monitoringStatus, Footprint = summary.Footprint, Energy = summary.Energy, EnergyFootprint = summary.EnergyFootprint });

    public Task<bool> SetMetadataValueAsync(long id, string key, string value, CancellationToken cancellationToken) =>
        Write(id, job => job with { MetaData = new Dictionary<string, string>(job.MetaData ?? new Dictionary<string, string>()) { [key] = value } });

    public Task<IReadOnlyList<Job>> ListRunningAsync(long afterId, int limit, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<Job> running = [.. _jobs.Values.Where(j => j.State == JobStates.Running && j.Id > afterId).Take(limit)];
            return Task.FromResult(running);
        }
    }

    public Task<bool> RefreshRunningAsync(long id, int duration, JobMetricsSummary summary, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_jobs.TryGetValue(id, out var job) || job.State != JobStates.Running)
            {
                return Task.FromResult(false);
            }
        }

        return Write(id, job => job with { Duration = duration, Footprint = summary.Footprint, Energy = summary.Energy, EnergyFootprint = summary.EnergyFootprint });
    }

    public Task<bool> UpdateAsync(Job job, CancellationToken cancellationToken) => Write(job.Id!.Value, _ => job);

    private Task<bool> Write(long id, Func<Job, Job> change)
    {
        if (WriteFailure is { } failure)
        {
            throw failure;
        }

        lock (_lock)
        {
            if (!_jobs.TryGetValue(id, out var job))
            {
                return Task.FromResult(false);
            }

            _jobs[id] = change(job);
            return Task.FromResult(true);
        }
    }

    public Task<long> AddAsync(Job job, CancellationToken cancellationToken) => throw NotUsed();

    public Task<long> AddUnlessStartedAfterAsync(Job job, long conflictsAfter, CancellationToken cancellationToken) => throw NotUsed();

    public Task<int> AddManyAsync(IReadOnlyList<Job> jobs, CancellationToken cancellationToken) => throw NotUsed();

    public Task<Job?> FindAsync(long jobId, string? cluster, long? startTime, CancellationToken cancellationToken) => throw NotUsed();

    public Task<bool> DeleteAsync(long id, CancellationToken cancellationToken) => throw NotUsed();

    public Task<int> DeleteStartedBeforeAsync(long startTime, bool omitTagged, CancellationToken cancellationToken) => throw NotUsed();

    public Task<IAsyncDisposable> BeginRebuildAsync(CancellationToken cancellationToken) => throw NotUsed();

    public Task<JobPage> QueryAsync(JobQuery query, JobVisibility visibility, CancellationToken cancellationToken) => throw NotUsed();

    public Task<IReadOnlyList<JobGroupStatistics>> StatisticsAsync(JobStatisticsQuery query, JobVisibility visibility, CancellationToken cancellationToken) => throw NotUsed();

    public Task<IReadOnlyList<string>> PartitionsAsync(string cluster, CancellationToken cancellationToken) => throw NotUsed();

    public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> UsedNodesAsync(long timestamp, CancellationToken cancellationToken) => throw NotUsed();

    private static NotSupportedException NotUsed() => new("not used by archiving");
}
