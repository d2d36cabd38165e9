using System.Collections.Concurrent;
using Clusterdeck.Core.Jobs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clusterdeck.Core.Metrics.Archiving;

/// <summary>
/// Drains the archiving queue — the job table's stopped jobs with monitoring status 1 (<see cref="IJobStore.ListAwaitingArchiveAsync"/>)
/// — at start and whenever <see cref="ArchiveQueueSignal"/> is poked, with at most <see cref="ArchivingOptions.Workers"/> jobs at a
/// time. Durable by construction: a job stopped but not archived when the server dies is still queued when it starts again.
/// </summary>
/// <remarks>
/// A failure that may pass is retried after <see cref="ArchivingOptions.RetryDelay"/>, doubling each time, at most
/// <see cref="ArchivingOptions.Retries"/> times; then the job is recorded as failed. Between rounds the service sleeps until
/// poked, until the next retry is due, or for <see cref="PollInterval"/> (which also finds jobs that another process
/// stopped), never in a busy loop. Jobs with monitoring status 0 are never queued, as in cc-backend, which does not archive them.
/// </remarks>
public sealed partial class JobArchivingService(
    IJobStore store,
    JobArchiver archiver,
    ArchiveQueueSignal signal,
    IOptions<ArchivingOptions> options,
    TimeProvider timeProvider,
    ILogger<JobArchivingService> logger) : BackgroundService
{
    /// <summary>How many queued jobs one round takes on.</summary>
    public const int BatchSize = 32;

    /// <summary>The longest sleep between looks at the queue.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMinutes(1);

    // Written by the archiving tasks of a round, read between rounds.
    private readonly ConcurrentDictionary<long, PendingRetry> _retries = new();

    // Jobs whose failure could not even be recorded: not tried again until the next start.
    private readonly ConcurrentDictionary<long, bool> _givenUp = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            LogDisabled();
            return;
        }

        // Leave the host's start-up at once; the first look at the queue happens in the background.
        await Task.Yield();
        LogStarted(settings.Workers);
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                wait = await DrainAsync(settings, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return; // Jobs being archived stay queued and are archived after the next start.
            }
            catch (Exception e)
            {
                // The queue could not be read (database down or not migrated yet): look again later.
                wait = settings.RetryDelaySpan;
                LogQueueUnreadable(e, wait);
            }

            try
            {
                await signal.WaitAsync(wait, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Archives queued jobs until none is due; returns how long to sleep before the next look.</summary>
    private async Task<TimeSpan> DrainAsync(ArchivingOptions settings, CancellationToken cancellationToken)
    {
        while (true)
        {
            // Jobs waiting for a retry stay in the queue; asking for that many more keeps them from hiding newer jobs.
            var limit = _retries.Count + _givenUp.Count + BatchSize;
            var queued = await store.ListAwaitingArchiveAsync(limit, cancellationToken);
            var now = timeProvider.GetUtcNow();
            List<Job> due = [.. queued.Where(job => IsDue(job.Id!.Value, now)).Take(BatchSize)];
            if (due.Count == 0)
            {
                if (queued.Count < limit)
                {
                    ForgetJobsNoLongerQueued(queued);
                }

                return NextLook(now);
            }

            await Parallel.ForEachAsync(
                due,
                new ParallelOptions { MaxDegreeOfParallelism = settings.Workers, CancellationToken = cancellationToken },
                (job, token) => new ValueTask(ArchiveOneAsync(job, settings, token)));
        }
    }

    private async Task ArchiveOneAsync(Job job, ArchivingOptions settings, CancellationToken cancellationToken)
    {
        var id = job.Id!.Value;
        var attempt = _retries.TryGetValue(id, out var previous) ? previous.Attempt + 1 : 1;
        var outcome = await archiver.ArchiveAndRecordAsync(job, mayRetry: attempt <= settings.Retries, cancellationToken);
        switch (outcome)
        {
            case ArchiveAttemptOutcome.RetryLater:
                var delay = RetryDelay(settings.RetryDelaySpan, attempt);
                _retries[id] = new PendingRetry(attempt, timeProvider.GetUtcNow() + delay);
                LogRetryScheduled(id, attempt, settings.Retries, delay);
                break;
            case ArchiveAttemptOutcome.Failed:
                _retries.TryRemove(id, out _);
                _givenUp[id] = true; // Normally no longer queued (status 2); this only matters when recording failed.
                break;
            default:
                _retries.TryRemove(id, out _);
                break;
        }
    }

    /// <summary>The wait before retry number <paramref name="attempt"/>: the base delay, doubled per earlier retry, capped.</summary>
    public static TimeSpan RetryDelay(TimeSpan baseDelay, int attempt)
    {
        var factor = Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(baseDelay.Ticks * factor, ArchivingOptions.MaxRetryDelay.Ticks));
        return delay;
    }

    private bool IsDue(long id, DateTimeOffset now) =>
        !_givenUp.ContainsKey(id) && (!_retries.TryGetValue(id, out var retry) || retry.NotBefore <= now);

    private TimeSpan NextLook(DateTimeOffset now)
    {
        var wait = PollInterval;
        foreach (var retry in _retries.Values)
        {
            var until = retry.NotBefore - now;
            if (until < wait)
            {
                wait = until < TimeSpan.Zero ? TimeSpan.Zero : until;
            }
        }

        return wait;
    }

    /// <summary>Drops the retry state of jobs that left the queue some other way (deleted, or archived by another process).</summary>
    private void ForgetJobsNoLongerQueued(IReadOnlyList<Job> queued)
    {
        var ids = queued.Select(j => j.Id!.Value).ToHashSet();
        foreach (var id in _retries.Keys.Where(id => !ids.Contains(id)))
        {
            _retries.TryRemove(id, out _);
        }

        foreach (var id in _givenUp.Keys.Where(id => !ids.Contains(id)))
        {
            _givenUp.TryRemove(id, out _);
        }
    }

    private sealed record PendingRetry(int Attempt, DateTimeOffset NotBefore);

    [LoggerMessage(EventId = 4710, Level = LogLevel.Information, Message = "Archiving is off (Archiving:Enabled=false); stopped jobs stay queued")]
    private partial void LogDisabled();

    [LoggerMessage(EventId = 4711, Level = LogLevel.Information, Message = "Archiving stopped jobs with {Workers} worker(s)")]
    private partial void LogStarted(int workers);

    [LoggerMessage(EventId = 4712, Level = LogLevel.Error, Message = "Could not read the archiving queue; next look in {Wait}")]
    private partial void LogQueueUnreadable(Exception exception, TimeSpan wait);

    [LoggerMessage(EventId = 4713, Level = LogLevel.Information, Message = "Job (id {Id}) will be archived again in {Delay} (retry {Retry} of {Retries})")]
    private partial void LogRetryScheduled(long id, int retry, int retries, TimeSpan delay);
}
