using System.Text;
using Microsoft.Extensions.Logging;

namespace Clusterdeck.Core.Metrics.Agent;

/// <summary>
/// Reads this node's metrics every interval and delivers them as line protocol to a target. Batches the target could
/// not take wait in a bounded backlog (oldest dropped first) and are retried, oldest first, with a delay that doubles
/// after each failure up to the interval; a batch the target refuses for good is dropped and logged.
/// </summary>
public sealed partial class NodeAgent(
    NodeMetricsReader reader,
    INodeMetricsTarget target,
    NodeAgentSettings settings,
    TimeProvider timeProvider,
    ILogger<NodeAgent> logger)
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);

    private readonly Queue<Batch> _backlog = new();
    private long _backlogBytes;
    private int _failures;
    private long _rejectedBatches;
    private bool _delivered;

    /// <summary>Batches waiting for delivery.</summary>
    public int BacklogBatches => _backlog.Count;

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled. Never throws for a failed reading or delivery.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        LogStarted(settings.Hostname, target.Description, settings.Interval, reader.CollectorList);
        var nextReading = timeProvider.GetUtcNow();
        var nextAttempt = nextReading;
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = timeProvider.GetUtcNow();
            if (now >= nextReading)
            {
                await ReadIntoBacklogAsync(now, cancellationToken);
                nextReading += settings.Interval;
                if (nextReading <= now)
                {
                    nextReading = now + settings.Interval; // fell behind (suspended machine, slow collector): skip, do not catch up
                }
            }

            if (_backlog.Count > 0 && now >= nextAttempt)
            {
                nextAttempt = await DeliverBacklogAsync(cancellationToken) ? now : now + RetryDelay();
            }

            var wakeAt = _backlog.Count > 0 && nextAttempt < nextReading ? nextAttempt : nextReading;
            var wait = wakeAt - timeProvider.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, timeProvider, cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    break;
                }
            }
        }

        LogStopped(settings.Hostname, _backlog.Count);
    }

    /// <summary>
    /// One complete reading, rates included (measured over <see cref="NodeAgentSettings.RateWindow"/>), delivered with up to
    /// <see cref="NodeAgentSettings.SingleDeliveryAttempts"/> attempts. True when the target took it.
    /// </summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        await reader.ReadAsync(cancellationToken); // the baseline the rates are measured from
        await Task.Delay(settings.RateWindow, timeProvider, cancellationToken);
        await ReadIntoBacklogAsync(timeProvider.GetUtcNow(), cancellationToken);
        var rejectedBefore = _rejectedBatches;
        for (var attempt = 1; ; attempt++)
        {
            if (await DeliverBacklogAsync(cancellationToken))
            {
                return _rejectedBatches == rejectedBefore; // an empty backlog may also mean the target refused it
            }

            if (attempt >= settings.SingleDeliveryAttempts)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt), timeProvider, cancellationToken);
        }
    }

    private async Task ReadIntoBacklogAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var metrics = await reader.ReadAsync(cancellationToken);
        var text = LineProtocolFormat.Encode(metrics, settings.Hostname, now);
        if (text.Length == 0)
        {
            LogNothingRead();
            return;
        }

        var batch = new Batch(Encoding.UTF8.GetBytes(text), metrics.Count);
        _backlog.Enqueue(batch);
        _backlogBytes += batch.Lines.Length;
        var droppedBatches = 0;
        var droppedLines = 0;
        while (_backlogBytes > settings.BacklogLimitBytes && _backlog.Count > 1)
        {
            var oldest = _backlog.Dequeue();
            _backlogBytes -= oldest.Lines.Length;
            droppedBatches++;
            droppedLines += oldest.LineCount;
        }

        if (droppedBatches > 0)
        {
            LogBacklogFull(droppedBatches, droppedLines, settings.BacklogLimitBytes);
        }
    }

    /// <summary>Delivers the backlog oldest first, dropping what the target refuses; false when it asked to retry later (the rest waits).</summary>
    private async Task<bool> DeliverBacklogAsync(CancellationToken cancellationToken)
    {
        while (_backlog.TryPeek(out var batch))
        {
            var result = await target.DeliverAsync(batch.Lines, cancellationToken);
            switch (result.Outcome)
            {
                case DeliveryOutcome.Delivered:
                    Remove();
                    if (_failures > 0)
                    {
                        LogRecovered(target.Description, _failures);
                        _failures = 0;
                    }

                    if (!_delivered)
                    {
                        _delivered = true;
                        LogFirstDelivery(batch.LineCount, target.Description, result.Detail);
                    }
                    else
                    {
                        LogDelivered(batch.LineCount, result.Detail);
                    }

                    break;
                case DeliveryOutcome.Rejected:
                    Remove();
                    _rejectedBatches++;
                    LogRejected(batch.LineCount, target.Description, result.Detail);
                    break;
                default:
                    _failures++;
                    LogDeliveryFailed(target.Description, result.Detail, _backlog.Count, _failures);
                    return false;
            }
        }

        return true;
    }

    private void Remove() => _backlogBytes -= _backlog.Dequeue().Lines.Length;

    private TimeSpan RetryDelay()
    {
        var limit = settings.Interval < settings.MaxRetryDelay ? settings.Interval : settings.MaxRetryDelay;
        var delay = FirstRetryDelay * Math.Pow(2, Math.Min(_failures - 1, 20));
        return delay < limit ? delay : limit;
    }

    private sealed record Batch(byte[] Lines, int LineCount);

    [LoggerMessage(EventId = 4121, Level = LogLevel.Information, Message = "Node agent for host {Hostname} writes to {Target} every {Interval} (collectors: {Collectors})")]
    private partial void LogStarted(string hostname, string target, TimeSpan interval, string collectors);

    [LoggerMessage(EventId = 4122, Level = LogLevel.Information, Message = "Node agent for host {Hostname} stopped with {Batches} batches undelivered")]
    private partial void LogStopped(string hostname, int batches);

    [LoggerMessage(EventId = 4123, Level = LogLevel.Information, Message = "Node agent delivered its first {Lines} lines to {Target}: {Detail}")]
    private partial void LogFirstDelivery(int lines, string target, string detail);

    [LoggerMessage(EventId = 4124, Level = LogLevel.Debug, Message = "Node agent delivered {Lines} lines: {Detail}")]
    private partial void LogDelivered(int lines, string detail);

    [LoggerMessage(EventId = 4125, Level = LogLevel.Warning, Message = "Node agent could not deliver to {Target}, will retry: {Detail} ({Batches} batches waiting, failure {Failures} in a row)")]
    private partial void LogDeliveryFailed(string target, string detail, int batches, int failures);

    [LoggerMessage(EventId = 4126, Level = LogLevel.Information, Message = "Node agent delivers to {Target} again after {Failures} failed attempts")]
    private partial void LogRecovered(string target, int failures);

    [LoggerMessage(EventId = 4127, Level = LogLevel.Error, Message = "{Target} refused {Lines} lines for good; they are dropped: {Detail}")]
    private partial void LogRejected(int lines, string target, string detail);

    [LoggerMessage(EventId = 4128, Level = LogLevel.Warning, Message = "Node agent backlog over {LimitBytes} bytes: dropped the {Batches} oldest batches ({Lines} lines)")]
    private partial void LogBacklogFull(int batches, int lines, long limitBytes);

    [LoggerMessage(EventId = 4129, Level = LogLevel.Warning, Message = "Node agent read no metrics this cycle (every collector failed)")]
    private partial void LogNothingRead();
}
