using System.Diagnostics;
using Clusterdeck.Core.Archive;
using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Jobs;
using Clusterdeck.Core.Metrics;
using Microsoft.Extensions.Logging;

namespace Clusterdeck.Core.Demo;

/// <summary>
/// Fills the archive and the job table with the demo cluster's synthetic history. Each job goes the way an archived
/// job goes: its metric data (<see cref="DemoMetricSynthesizer"/>) gets per-series statistics and the job's statistics
/// (<see cref="JobStatisticsAggregation"/>, as the archiver computes them), placement, footprint and energy
/// (<see cref="JobPlacement.TryPrepareArchived"/>, as the archive import does), then <c>data.json.gz</c> and
/// <c>meta.json</c> through <see cref="IJobArchive"/>; the rows go in through the store's bulk insert.
/// </summary>
public sealed partial class DemoArchiveBuilder(
    IJobArchive archive,
    IJobStore jobs,
    JobPlacement placement,
    IClusterCatalog catalog,
    ILogger<DemoArchiveBuilder> logger)
{
    /// <summary>Jobs written and stored together: the job list grows by this many at a time while the history is generated.</summary>
    private const int Chunk = 1000;

    /// <summary>
    /// Writes <paramref name="jobCount"/> synthetic jobs of the last <see cref="DemoWorkload.HistoryDays"/> days before
    /// <paramref name="now"/> (Unix seconds). The job table is emptied first and so are the demo cluster's job
    /// directories, so a run that was interrupted is simply done again. The newest jobs come first, a chunk at a time,
    /// and a job enters the table only once its files are written: the server may already serve the list, which then
    /// fills from the top, and every job it shows can be opened.
    /// </summary>
    public async Task<DemoArchiveResult> BuildAsync(int jobCount, long now, int seed, IProgress<DemoArchiveProgress>? progress, CancellationToken cancellationToken)
    {
        var cluster = catalog.Find(DemoCluster.Name)
            ?? throw new InvalidOperationException($"cluster '{DemoCluster.Name}' is not configured; its cluster.json must be in the archive before the server starts");
        var subCluster = DemoCluster.SyntheticSubCluster(cluster);
        var metrics = catalog.MetricConfigFor(cluster.Name, subCluster.Name, restrictedCaller: false);

        RemoveJobDirectories(cluster.Name);
        // Every job (their tags go with them); the table keeps its indexes, as the UI reads it while it fills.
        await jobs.DeleteStartedBeforeAsync(long.MaxValue, omitTagged: false, cancellationToken);
        var plans = DemoWorkload.Plan(jobCount, now, seed, cluster).OrderByDescending(p => p.Job.StartTime).ToList();
        var (files, rows) = (new Stopwatch(), new Stopwatch());
        var (written, stored) = (0, 0);
        progress?.Report(new DemoArchiveProgress(0, 0, plans.Count));
        // Generating and compressing is CPU work, each file's flush a wait on the disk: a few more workers than cores.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount + 2, CancellationToken = cancellationToken };
        foreach (var chunk in plans.Chunk(Chunk))
        {
            files.Start();
            var prepared = new Job[chunk.Length];
            await Parallel.ForEachAsync(Enumerable.Range(0, chunk.Length), parallel, async (index, token) =>
            {
                prepared[index] = await WriteJobAsync(chunk[index], metrics, subCluster, token);
                if (Interlocked.Increment(ref written) % 50 == 0)
                {
                    progress?.Report(new DemoArchiveProgress(written, stored, plans.Count));
                }
            });
            files.Stop();

            rows.Start();
            // Oldest first within a chunk, so database ids follow the start order as in a table a batch system filled.
            Array.Reverse(prepared);
            stored += await jobs.AddManyAsync(prepared, cancellationToken);
            rows.Stop();
            progress?.Report(new DemoArchiveProgress(written, stored, plans.Count));
        }

        var result = new DemoArchiveResult(plans.Count, files.Elapsed, rows.Elapsed);
        LogBuilt(plans.Count, result.FilesElapsed.TotalSeconds, result.RowsElapsed.TotalSeconds);
        return result;
    }

    /// <summary>One job's archive files; the job as it enters the table.</summary>
    private async Task<Job> WriteJobAsync(DemoJobPlan plan, IReadOnlyList<MetricConfig> metrics, SubCluster subCluster, CancellationToken cancellationToken)
    {
        var (job, data) = Prepare(plan, metrics, subCluster, placement);
        await archive.ImportJobAsync(job, data, cancellationToken);
        return job;
    }

    /// <summary>One job as the archiver would leave it: its data, statistics as the archiver computes them, placement, footprint and energy as the import does.</summary>
    internal static (Job Job, JobData Data) Prepare(DemoJobPlan plan, IReadOnlyList<MetricConfig> metrics, SubCluster subCluster, JobPlacement placement)
    {
        var missing = new List<string>();
        var data = JobStatisticsAggregation.PrepareForArchive(DemoMetricSynthesizer.Synthesize(plan, metrics, subCluster), missing);
        var statistics = JobStatisticsAggregation.FromNodeSeries(plan.Job, data, metrics, missing);
        if (!placement.TryPrepareArchived(plan.Job with { Statistics = statistics }, out var job, out var rejection))
        {
            // The plan is ours: a rejection is a bug in the generator, not bad input.
            throw new InvalidOperationException($"synthetic job {plan.Job.JobId} was rejected: {rejection.Message}");
        }

        return (job, data);
    }

    private void RemoveJobDirectories(string cluster)
    {
        var directory = Path.Combine(archive.Root, cluster);
        if (!Directory.Exists(directory))
        {
            return;
        }

        foreach (var level1 in Directory.EnumerateDirectories(directory))
        {
            Directory.Delete(level1, recursive: true);
        }
    }

    [LoggerMessage(EventId = 4901, Level = LogLevel.Information, Message = "Demo archive: {Jobs} synthetic jobs written in {FilesSeconds:F1} s, stored in the job table in {RowsSeconds:F1} s")]
    private partial void LogBuilt(int jobs, double filesSeconds, double rowsSeconds);
}
