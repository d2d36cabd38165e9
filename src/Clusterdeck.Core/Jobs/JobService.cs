using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Errors;
using Clusterdeck.Core.Metrics.Archiving;
using Microsoft.Extensions.Logging;

namespace Clusterdeck.Core.Jobs;

/// <summary>
/// The job lifecycle as batch-system adapters drive it (cc-backend's start_job, stop_job, edit_meta,
/// delete_job): validation, subcluster assignment, duplicate detection and the state transition from
/// running to a final state. Reads go through <see cref="JobQueryService"/>.
/// </summary>
public sealed partial class JobService(
    IJobStore store,
    JobPlacement placement,
    TagService tags,
    ArchiveQueueSignal archiveQueue,
    ILogger<JobService> logger)
{
    /// <summary>A job with the same jobId on the same cluster that started less than this earlier is a duplicate (cc-backend's rule).</summary>
    public const long DuplicateWindowSeconds = 86400;

    /// <summary>Records a job that started; it is visible to every query when this returns.</summary>
    public async Task<Job> StartAsync(Caller caller, Job request, CancellationToken cancellationToken)
    {
        RequireReporter(caller);
        var job = Validate(caller, request with { Id = null, State = JobStates.Running });

        // Acknowledged once this returns: the store commits before answering. cc-backend's duplicate rule: a job
        // with this jobId on this cluster that started less than a day before this one (or later) refuses it.
        var id = await store.AddUnlessStartedAfterAsync(job with { Tags = null }, job.StartTime - DuplicateWindowSeconds, cancellationToken);

        if (request.Tags is { Count: > 0 } requestedTags)
        {
            await tags.AttachByNameAsync(caller, id, requestedTags, cancellationToken);
        }

        LogStarted(id, job.Cluster, job.JobId, job.User, job.StartTime);
        return job with { Id = id };
    }

    /// <summary>Stops the newest running job matching the request's jobId (and cluster and start time when given).</summary>
    public async Task<Job> StopAsync(Caller caller, StopJobRequest request, CancellationToken cancellationToken)
    {
        RequireReporter(caller);
        if (request.JobId is not { } jobId)
        {
            throw new InvalidInputException("the field 'jobId' is required");
        }

        var job = await store.FindAsync(jobId, request.Cluster, request.StartTime, cancellationToken)
            ?? throw new NotFoundException($"finding job failed: no job with jobId {jobId}{Describe(request.Cluster, request.StartTime)}");
        return await StopAsync(job, request, cancellationToken);
    }

    /// <summary>cc-backend's older stop_job/{id}: the job is named by its database id.</summary>
    public async Task<Job> StopByIdAsync(Caller caller, long id, StopJobRequest request, CancellationToken cancellationToken)
    {
        RequireReporter(caller);
        var job = await GetAsync(id, cancellationToken);
        return await StopAsync(job, request, cancellationToken);
    }

    /// <summary>Sets one metadata key of the job with this database id and returns the updated job.</summary>
    public async Task<Job> EditMetadataAsync(Caller caller, long id, string key, string value, CancellationToken cancellationToken)
    {
        RequireReporter(caller);
        var job = await GetAsync(id, cancellationToken);
        return await EditMetadataAsync(job, key, value, cancellationToken);
    }

    /// <summary>Sets one metadata key of the newest job matching <paramref name="key"/>.</summary>
    public async Task<Job> EditMetadataAsync(Caller caller, JobKey key, string metaKey, string value, CancellationToken cancellationToken)
    {
        RequireReporter(caller);
        var job = await FindAsync(key, cancellationToken);
        return await EditMetadataAsync(job, metaKey, value, cancellationToken);
    }

    /// <summary>Removes the job from the database (not from the archive).</summary>
    public async Task DeleteAsync(Caller caller, long id, CancellationToken cancellationToken)
    {
        RequireReporter(caller);
        if (!await store.DeleteAsync(id, cancellationToken))
        {
            throw new NotFoundException($"deleting job failed: no job with id {id}");
        }

        LogDeleted(id);
    }

    /// <summary>Removes the newest job matching <paramref name="key"/> from the database and returns its database id.</summary>
    public async Task<long> DeleteAsync(Caller caller, JobKey key, CancellationToken cancellationToken)
    {
        RequireReporter(caller);
        var job = await FindAsync(key, cancellationToken);
        var id = job.Id!.Value;
        await DeleteAsync(caller, id, cancellationToken);
        return id;
    }

    /// <summary>Removes every job that started before <paramref name="startTime"/>; with <paramref name="omitTagged"/>, tagged jobs stay.</summary>
    public async Task<int> DeleteStartedBeforeAsync(Caller caller, long startTime, bool omitTagged, CancellationToken cancellationToken)
    {
        RequireReporter(caller);
        var count = await store.DeleteStartedBeforeAsync(startTime, omitTagged, cancellationToken);
        LogDeletedBefore(count, startTime);
        return count;
    }

    /// <summary>Per cluster, the nodes that jobs running at <paramref name="timestamp"/> use.</summary>
    public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> UsedNodesAsync(Caller caller, long timestamp, CancellationToken cancellationToken)
    {
        RequireReporter(caller);
        return store.UsedNodesAsync(timestamp, cancellationToken);
    }

    private async Task<Job> StopAsync(Job job, StopJobRequest request, CancellationToken cancellationToken)
    {
        if (job.State != JobStates.Running)
        {
            throw new ConflictException(
                $"jobId {job.JobId} (id {job.Id}) on {job.Cluster}: job has already been stopped (state is: {job.State})");
        }

        if (request.StopTime < job.StartTime)
        {
            throw new InvalidInputException(
                $"jobId {job.JobId} (id {job.Id}) on {job.Cluster}: stopTime {request.StopTime} must be larger/equal than startTime {job.StartTime}");
        }

        var state = string.IsNullOrEmpty(request.State) ? JobStates.Completed : request.State;
        if (!JobStates.IsValid(state))
        {
            throw new InvalidInputException($"jobId {job.JobId} (id {job.Id}) on {job.Cluster}: invalid requested job state: \"{state}\"");
        }

        var duration = request.StopTime - job.StartTime;
        if (duration > int.MaxValue)
        {
            throw new InvalidInputException($"jobId {job.JobId} (id {job.Id}) on {job.Cluster}: stopTime {request.StopTime} is out of range");
        }

        var stopped = job with { State = state, Duration = (int)duration };
        if (!await store.UpdateAsync(stopped, cancellationToken))
        {
            throw new NotFoundException($"jobId {job.JobId} (id {job.Id}) on {job.Cluster}: the job was deleted while stopping it");
        }

        LogStopped(job.Id!.Value, job.Cluster, job.JobId, state, stopped.Duration);

        // The committed update above enqueued the job (the queue is the job table); this only wakes the archiver.
        // Monitoring status 0 means no archiving, as in cc-backend.
        if (stopped.MonitoringStatus == MonitoringStatus.RunningOrArchiving)
        {
            archiveQueue.Poke();
        }

        return stopped;
    }

    private async Task<Job> EditMetadataAsync(Job job, string key, string value, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw new InvalidInputException("the metadata key must not be empty");
        }

        var metaData = new Dictionary<string, string>(job.MetaData ?? new Dictionary<string, string>(), StringComparer.Ordinal) { [key] = value };
        var updated = job with { MetaData = metaData };
        if (!await store.UpdateAsync(updated, cancellationToken))
        {
            throw new NotFoundException($"finding job failed: no job with id {job.Id}");
        }

        return updated;
    }

    private async Task<Job> GetAsync(long id, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) ?? throw new NotFoundException($"finding job failed: no job with id {id}");

    private async Task<Job> FindAsync(JobKey key, CancellationToken cancellationToken) =>
        await store.FindAsync(key.JobId, key.Cluster, key.StartTime, cancellationToken)
            ?? throw new NotFoundException($"finding job failed: no job with jobId {key.JobId}{Describe(key.Cluster, key.StartTime)}");

    /// <summary>cc-backend's checks on a new job (<see cref="JobSanity"/>, <see cref="JobPlacement"/>), plus the range checks it leaves to the database.</summary>
    private Job Validate(Caller caller, Job job)
    {
        if (JobSanity.Check(job) is { } problem)
        {
            throw new InvalidInputException(problem);
        }

        if (job.Cluster.Length == 0 || job.Project.Length == 0)
        {
            throw new InvalidInputException("'cluster' and 'project' are required");
        }

        if (!placement.TryPlace(job, out var placed, out var rejection))
        {
            throw new InvalidInputException(rejection.Message);
        }

        if (job.Resources.Any(r => string.IsNullOrEmpty(r.Hostname)))
        {
            throw new InvalidInputException("every resource needs a hostname");
        }

        if (job.JobId < 0 || job.StartTime < 0 || job.SubmitTime < 0 || job.Walltime < 0 || job.Duration < 0
            || job.NumHwthreads < 0 || job.NumAcc < 0 || job.Smt < 0 || job.ArrayJobId < 0 || job.RequestedMemory < 0)
        {
            throw new InvalidInputException("jobId, startTime, submitTime, walltime, duration, numHwthreads, numAcc, smt, arrayJobId and requestedMemory must not be negative");
        }

        if (job.MonitoringStatus is < MonitoringStatus.Disabled or > MonitoringStatus.ArchivingSuccessful)
        {
            throw new InvalidInputException($"monitoringStatus must be between 0 and 3, not {job.MonitoringStatus}");
        }

        var shared = string.IsNullOrEmpty(job.Shared) ? SharedModes.None : job.Shared;
        if (!SharedModes.IsValid(shared))
        {
            throw new InvalidInputException($"shared must be one of none, single_user, multi_user, not \"{job.Shared}\"");
        }

        // Tags are attached after the insert, so everything that could refuse them is checked before it.
        foreach (var tag in job.Tags ?? [])
        {
            if (tag.Type.Length == 0 || tag.Name.Length == 0)
            {
                throw new InvalidInputException("tags need a type and a name");
            }

            if (!TagService.CanWrite(caller, string.IsNullOrEmpty(tag.Scope) ? TagScopes.Global : tag.Scope))
            {
                throw new AccessDeniedException($"you may not attach tags with scope '{tag.Scope}'");
            }
        }

        return placed with { Shared = shared };
    }

    private static void RequireReporter(Caller caller)
    {
        if (!caller.HasRole(Role.Api) && !caller.HasRole(Role.Admin))
        {
            throw new AccessDeniedException("missing role: api");
        }
    }

    private static string Describe(string? cluster, long? startTime) =>
        (cluster is null ? "" : $" on {cluster}") + (startTime is null ? "" : $" started at {startTime}");

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "New job (id {Id}): cluster={Cluster}, jobId={JobId}, user={User}, startTime={StartTime}")]
    private partial void LogStarted(long id, string cluster, long jobId, string user, long startTime);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Stopped job (id {Id}): cluster={Cluster}, jobId={JobId}, state={State}, duration={Duration}s")]
    private partial void LogStopped(long id, string cluster, long jobId, string state, int duration);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Deleted job (id {Id})")]
    private partial void LogDeleted(long id);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Deleted {Count} jobs that started before {StartTime}")]
    private partial void LogDeletedBefore(int count, long startTime);
}
