using System.Diagnostics;
using System.Threading.Channels;
using Clusterdeck.Core.Jobs;
using Microsoft.Extensions.Logging;

namespace Clusterdeck.Core.Archive.Import;

/// <summary>
/// Rebuilds the job table from the job archive (cc-backend's <c>-init-db</c>): every job is checked,
/// placed in its cluster, given its footprint and energy, and stored in large batches. Preparing the
/// next batch overlaps with storing the previous one.
/// </summary>
public sealed partial class ArchiveImporter(IJobStore jobs, JobPlacement placement, ILogger<ArchiveImporter> logger)
{
    public const int DefaultBatchSize = 5000;

    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>Empties the job table, then imports every job of <paramref name="archive"/>.</summary>
    public async Task<ArchiveImportResult> RebuildAsync(IAsyncEnumerable<ArchivedMeta> archive, IProgress<ArchiveImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(archive);
        var stopwatch = Stopwatch.StartNew();
        var rebuild = await jobs.BeginRebuildAsync(cancellationToken);
        var skipped = new SkipTally();
        var counters = new Counters();
        try
        {
            await LoadAsync(archive, skipped, counters, progress, cancellationToken);
        }
        finally
        {
            // Rebuilds the indexes set aside for the load; part of the import, and it takes seconds on big archives.
            await rebuild.DisposeAsync();
        }

        stopwatch.Stop();
        progress?.Report(new ArchiveImportProgress(counters.Seen, counters.Imported, skipped.Total));
        var result = new ArchiveImportResult(counters.Imported, skipped.Summaries(), counters.TagAttachments, stopwatch.Elapsed);
        LogImported(logger, result.Imported, result.SkippedCount, stopwatch.Elapsed.TotalSeconds);
        return result;
    }

    /// <summary>Reads, checks and prepares jobs while the previous batch is being stored.</summary>
    private async Task LoadAsync(IAsyncEnumerable<ArchivedMeta> archive, SkipTally skipped, Counters counters, IProgress<ArchiveImportProgress>? progress, CancellationToken cancellationToken)
    {
        var keys = new HashSet<(string Cluster, long JobId, long StartTime)>();
        var batches = Channel.CreateBounded<List<Job>>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var writer = Task.Run(() => StoreAsync(batches, skipped, counters, progress, cancellationToken), cancellationToken);

        try
        {
            var batch = new List<Job>(BatchSize);
            await foreach (var item in archive.WithCancellation(cancellationToken))
            {
                Interlocked.Increment(ref counters.Seen);
                var (prepared, failure) = Prepare(item, keys);
                if (prepared is null)
                {
                    skipped.Add(failure, item.Path);
                    continue;
                }

                batch.Add(prepared);
                if (batch.Count >= BatchSize)
                {
                    await batches.Writer.WriteAsync(batch, cancellationToken);
                    batch = new List<Job>(BatchSize);
                }
            }

            if (batch.Count > 0)
            {
                await batches.Writer.WriteAsync(batch, cancellationToken);
            }
        }
        finally
        {
            batches.Writer.TryComplete();
            // Also when reading failed: the indexes are restored only after the writer has let go of the table.
            await writer;
        }
    }

    /// <summary>The job completed for the table (<see cref="JobPlacement.TryPrepareArchived"/>), or why it is skipped.</summary>
    private (Job? Job, JobRejection Rejection) Prepare(ArchivedMeta item, HashSet<(string, long, long)> keys)
    {
        if (item.Job is not { } job)
        {
            return (null, new JobRejection(JobRejection.Unreadable, item.Error ?? "no job"));
        }

        if (!placement.TryPrepareArchived(job, out var prepared, out var rejection))
        {
            return (null, rejection);
        }

        return keys.Add((prepared.Cluster, prepared.JobId, prepared.StartTime))
            ? (prepared, default)
            : (null, new JobRejection(JobRejection.Duplicate, $"job {prepared.JobId} on {prepared.Cluster} starting at {prepared.StartTime} is in the archive twice"));
    }

    private async Task StoreAsync(Channel<List<Job>> batches, SkipTally skipped, Counters counters, IProgress<ArchiveImportProgress>? progress, CancellationToken cancellationToken)
    {
        try
        {
            await StoreBatchesAsync(batches.Reader, skipped, counters, progress, cancellationToken);
        }
        catch (Exception error)
        {
            // Without this the reader would wait for ever to hand over its next batch.
            batches.Writer.TryComplete(error);
            throw;
        }
    }

    private async Task StoreBatchesAsync(ChannelReader<List<Job>> batches, SkipTally skipped, Counters counters, IProgress<ArchiveImportProgress>? progress, CancellationToken cancellationToken)
    {
        await foreach (var batch in batches.ReadAllAsync(cancellationToken))
        {
            var added = await jobs.AddManyAsync(batch, cancellationToken);
            Interlocked.Add(ref counters.Imported, added);
            for (var i = added; i < batch.Count; i++)
            {
                // The table was emptied first and the batch had no duplicate keys, so only a concurrent writer gets here.
                skipped.Add(new JobRejection(JobRejection.Duplicate, "already in the job table"), $"a batch starting with {batch[0].Cluster}/{batch[0].JobId}");
            }

            // The store attaches the tags that come with each job (creating missing ones) in the same transaction.
            counters.TagAttachments += batch.Sum(job => job.Tags?.Count ?? 0);

            progress?.Report(new ArchiveImportProgress(Interlocked.Read(ref counters.Seen), Interlocked.Read(ref counters.Imported), skipped.Total));
        }
    }

    private sealed class Counters
    {
        public long Seen;
        public long Imported;
        public int TagAttachments;
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Archive import stored {Imported} jobs and skipped {Skipped} in {Seconds:F1} s")]
    private static partial void LogImported(ILogger logger, long imported, long skipped, double seconds);
}
