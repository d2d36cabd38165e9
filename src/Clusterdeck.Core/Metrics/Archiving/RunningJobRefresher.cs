using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Jobs;
using Clusterdeck.Core.Jobs.Footprints;
using Microsoft.Extensions.Logging;

namespace Clusterdeck.Core.Metrics.Archiving;

/// <summary>
/// Refreshes running jobs' duration, footprint and energy from their node statistics so far (cc-backend's footprint
/// update service): statistics as at archiving (<see cref="JobStatisticsAggregation.FromHostStatistics"/>), duration
/// = now − start. The store's <see cref="IJobStore.RefreshRunningAsync"/> ignores a job that stopped meanwhile, so a
/// refresh never overwrites what stop_job or the archiver wrote.
/// </summary>
/// <remarks>
/// cc-backend starts min and max at 0 here (so a positive metric's min is always 0); we take them over the hosts, as the
/// archiver does, so a running job's footprint does not jump when it is archived.
/// </remarks>
public sealed partial class RunningJobRefresher(
    IJobStore store,
    IClusterCatalog catalog,
    IMetricSource source,
    JobPlacement placement,
    TimeProvider timeProvider,
    ILogger<RunningJobRefresher> logger)
{
    public const int PageSize = 200;

    /// <summary>Refreshes every running job; returns how many were refreshed. One job's failure is logged and skips only that job.</summary>
    public async Task<int> RefreshAllAsync(CancellationToken cancellationToken)
    {
        var refreshed = 0;
        var afterId = 0L;
        while (true)
        {
            var page = await store.ListRunningAsync(afterId, PageSize, cancellationToken);
            foreach (var job in page)
            {
                if (await RefreshAsync(job, cancellationToken))
                {
                    refreshed++;
                }
            }

            if (page.Count < PageSize)
            {
                return refreshed;
            }

            afterId = page[^1].Id!.Value;
        }
    }

    /// <summary>Refreshes one running job; false when it could not be (logged) or has stopped meanwhile.</summary>
    public async Task<bool> RefreshAsync(Job job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var id = job.Id ?? throw new ArgumentException("the job has no database id", nameof(job));
        try
        {
            var metrics = catalog.MetricConfigFor(job.Cluster, job.SubCluster, restrictedCaller: false);
            var load = await source.LoadJobStatisticsAsync(job, [.. metrics.Select(m => m.Name)], cancellationToken);
            var statistics = JobStatisticsAggregation.FromHostStatistics(job, load.Data, metrics);
            var duration = (int)Math.Clamp(timeProvider.GetUtcNow().ToUnixTimeSeconds() - job.StartTime, 0, int.MaxValue);
            var refreshed = JobFootprint.Apply(
                job with { Duration = duration, Statistics = statistics },
                placement.FootprintDefinitionFor(job.Cluster, job.SubCluster));
            var summary = new JobMetricsSummary(refreshed.Footprint, refreshed.Energy, refreshed.EnergyFootprint);
            return await store.RefreshRunningAsync(id, duration, summary, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogRefreshFailed(e, id, job.Cluster, job.JobId);
            return false;
        }
    }

    [LoggerMessage(EventId = 4720, Level = LogLevel.Warning, Message = "Could not refresh running job (id {Id}) on {Cluster}, jobId={JobId}")]
    private partial void LogRefreshFailed(Exception exception, long id, string cluster, long jobId);
}
