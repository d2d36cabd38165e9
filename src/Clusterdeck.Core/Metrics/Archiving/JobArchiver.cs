using System.Data.Common;
using System.Net.Sockets;
using Clusterdeck.Core.Archive;
using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Jobs;
using Clusterdeck.Core.Jobs.Footprints;
using Microsoft.Extensions.Logging;

namespace Clusterdeck.Core.Metrics.Archiving;

/// <summary>
/// Archives a stopped job as cc-backend's <c>archiver.ArchiveJob</c> does: the subcluster's metrics at native resolution
/// for scope node, plus core on jobs of at most <see cref="MaxNodesForCoreScope"/> nodes, plus accelerator when it had
/// any; statistics per metric (<see cref="JobStatisticsAggregation"/>); footprint and energy (<see cref="JobFootprint"/>);
/// then <c>data.json(.gz)</c> and <c>meta.json</c> (data first) with monitoring status 3.
/// </summary>
/// <remarks>
/// A metric or host the source lacks does not fail the job (cc-backend once failed whole jobs for that): what exists is
/// archived and what is missing is logged. A failure of the source itself, the disk or the database does; depending on
/// whether it may pass, the job is left queued for a retry or recorded as monitoring status 2 with the reason in its
/// metadata under <see cref="FailureMetadataKey"/>, where users and the REST and GraphQL answers see it.
/// </remarks>
public sealed partial class JobArchiver(
    IClusterCatalog catalog,
    IMetricSource source,
    IJobArchive archive,
    IJobStore store,
    JobPlacement placement,
    TimeProvider timeProvider,
    ILogger<JobArchiver> logger)
{
    /// <summary>cc-backend archives core-scope data only for jobs on this many nodes or fewer.</summary>
    public const int MaxNodesForCoreScope = 8;

    /// <summary>The job metadata key that holds why archiving failed (monitoring status 2).</summary>
    public const string FailureMetadataKey = "archiveError";

    private const int MaxReasonLength = 1000;

    /// <summary>The scopes archived for <paramref name="job"/>.</summary>
    public static IReadOnlyList<string> ScopesFor(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var scopes = new List<string>(3) { MetricScopes.Node };
        if (job.NumNodes <= MaxNodesForCoreScope)
        {
            scopes.Add(MetricScopes.Core);
        }

        if (job.NumAcc > 0)
        {
            scopes.Add(MetricScopes.Accelerator);
        }

        return scopes;
    }

    /// <summary>
    /// Loads the job's data, computes its statistics, footprint and energy, and writes both archive files. Touches no
    /// database row. Throws <see cref="JobArchivingException"/> naming the step that failed.
    /// </summary>
    public async Task<JobArchiveResult> ArchiveAsync(Job job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (catalog.FindSubCluster(job.Cluster, job.SubCluster) is null)
        {
            throw new JobArchivingException(
                "finding the cluster configuration", $"subcluster '{job.SubCluster}' of cluster '{job.Cluster}' is not configured", null);
        }

        var metrics = catalog.MetricConfigFor(job.Cluster, job.SubCluster, restrictedCaller: false);
        string[] names = [.. metrics.Select(m => m.Name)];
        MetricLoad<JobData> load;
        try
        {
            load = await source.LoadJobDataAsync(job, names, ScopesFor(job), 0, cancellationToken);
        }
        catch (Exception e) when (!IsOurCancellation(e, cancellationToken))
        {
            throw new JobArchivingException("loading metric data", e.Message, e);
        }

        var missing = new List<string>(load.Missing);
        var data = JobStatisticsAggregation.PrepareForArchive(load.Data, missing);
        var statistics = JobStatisticsAggregation.FromNodeSeries(job, data, metrics, missing);
        // meta.json describes the job without a database id: ids are local to one database and change when it is rebuilt.
        var archived = JobFootprint.Apply(
            job with { Id = null, MonitoringStatus = MonitoringStatus.ArchivingSuccessful, Statistics = statistics },
            placement.FootprintDefinitionFor(job.Cluster, job.SubCluster));
        try
        {
            await archive.ImportJobAsync(archived, data, cancellationToken);
        }
        catch (Exception e) when (!IsOurCancellation(e, cancellationToken))
        {
            throw new JobArchivingException("writing the archive", e.Message, e);
        }

        return new JobArchiveResult(archived with { Id = job.Id }, data, missing);
    }

    /// <summary>
    /// Archives a queued job and records the outcome in the job table. With <paramref name="mayRetry"/>, a failure
    /// that may pass leaves the job queued (<see cref="ArchiveAttemptOutcome.RetryLater"/>); otherwise every failure is
    /// recorded (<see cref="ArchiveAttemptOutcome.Failed"/>). Throws only when <paramref name="cancellationToken"/> is
    /// cancelled, and then the job stays queued.
    /// </summary>
    public async Task<ArchiveAttemptOutcome> ArchiveAndRecordAsync(Job job, bool mayRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var id = job.Id ?? throw new ArgumentException("the job has no database id", nameof(job));
        var started = timeProvider.GetTimestamp();
        try
        {
            var result = await ArchiveAsync(job, cancellationToken);
            if (result.Missing.Count > 0)
            {
                LogPartial(id, job.Cluster, job.JobId, result.Missing.Count, string.Join("; ", result.Missing));
            }

            // At-least-once: should we crash before this line, the job is still queued and archived again after restart
            // (rewriting the same files).
            var summary = new JobMetricsSummary(result.Job.Footprint, result.Job.Energy, result.Job.EnergyFootprint);
            if (!await store.SetArchiveResultAsync(id, MonitoringStatus.ArchivingSuccessful, summary, cancellationToken))
            {
                LogDeletedMeanwhile(id, job.Cluster, job.JobId);
            }

            var elapsed = timeProvider.GetElapsedTime(started);
            LogArchived(id, job.Cluster, job.JobId, result.Data.Count, elapsed.TotalMilliseconds);
            return ArchiveAttemptOutcome.Archived;
        }
        catch (Exception e) when (!IsOurCancellation(e, cancellationToken))
        {
            var reason = e is JobArchivingException ? e.Message : $"recording the result failed: {e.Message}";
            if (mayRetry && IsTransient(e))
            {
                LogWillRetry(id, job.Cluster, job.JobId, reason);
                return ArchiveAttemptOutcome.RetryLater;
            }

            await RecordFailureAsync(job, id, reason, e, cancellationToken);
            return ArchiveAttemptOutcome.Failed;
        }
    }

    /// <summary>Whether a failure may pass by itself: network trouble, a timeout, an I/O or database error.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        HttpRequestException or TimeoutException or SocketException or DbException or IOException => true,
        // Only a cancellation that is not ours reaches here: a client's own timeout.
        OperationCanceledException => true,
        _ => exception.InnerException is { } inner && IsTransient(inner),
    };

    private async Task RecordFailureAsync(Job job, long id, string reason, Exception exception, CancellationToken cancellationToken)
    {
        LogFailed(exception, id, job.Cluster, job.JobId, reason);
        var text = reason.Length <= MaxReasonLength ? reason : string.Concat(reason.AsSpan(0, MaxReasonLength - 3), "...");
        try
        {
            // The reason first, so that whoever sees status 2 also finds why.
            await store.SetMetadataValueAsync(id, FailureMetadataKey, text, cancellationToken);
            await store.SetArchiveResultAsync(id, MonitoringStatus.ArchivingFailed, null, cancellationToken);
        }
        catch (Exception e) when (!IsOurCancellation(e, cancellationToken))
        {
            // The job stays queued (status 1) and is tried again when the server next starts.
            LogFailureNotRecorded(e, id, job.Cluster, job.JobId);
        }
    }

    private static bool IsOurCancellation(Exception exception, CancellationToken cancellationToken) =>
        exception is OperationCanceledException && cancellationToken.IsCancellationRequested;

    [LoggerMessage(EventId = 4701, Level = LogLevel.Information, Message = "Archived job (id {Id}): cluster={Cluster}, jobId={JobId}, {MetricCount} metrics in {ElapsedMs:F0} ms")]
    private partial void LogArchived(long id, string cluster, long jobId, int metricCount, double elapsedMs);

    [LoggerMessage(EventId = 4702, Level = LogLevel.Warning, Message = "Archived job (id {Id}) on {Cluster}, jobId={JobId}, without {MissingCount} missing part(s): {Missing}")]
    private partial void LogPartial(long id, string cluster, long jobId, int missingCount, string missing);

    [LoggerMessage(EventId = 4703, Level = LogLevel.Warning, Message = "Archiving job (id {Id}) on {Cluster}, jobId={JobId}, failed and will be retried: {Reason}")]
    private partial void LogWillRetry(long id, string cluster, long jobId, string reason);

    [LoggerMessage(EventId = 4704, Level = LogLevel.Error, Message = "Archiving job (id {Id}) on {Cluster}, jobId={JobId}, failed; monitoring status set to 2: {Reason}")]
    private partial void LogFailed(Exception exception, long id, string cluster, long jobId, string reason);

    [LoggerMessage(EventId = 4705, Level = LogLevel.Error, Message = "Could not record the failed archiving of job (id {Id}) on {Cluster}, jobId={JobId}; it stays queued until the next start")]
    private partial void LogFailureNotRecorded(Exception exception, long id, string cluster, long jobId);

    [LoggerMessage(EventId = 4706, Level = LogLevel.Warning, Message = "Job (id {Id}) on {Cluster}, jobId={JobId}, was deleted while it was archived; its archive files stay")]
    private partial void LogDeletedMeanwhile(long id, string cluster, long jobId);
}
