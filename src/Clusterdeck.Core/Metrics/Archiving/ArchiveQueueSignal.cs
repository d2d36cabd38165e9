using System.Threading.Channels;

namespace Clusterdeck.Core.Metrics.Archiving;

/// <summary>
/// Wakes the archiving worker when a job was stopped. Only a hint: the queue itself is the job table, so a poke that is
/// lost (or one that comes while the worker is busy) costs at most a poll interval, never a job.
/// </summary>
public sealed class ArchiveQueueSignal
{
    // One pending poke is enough; more while it is pending change nothing.
    private readonly Channel<bool> _pokes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    /// <summary>Says that the queue may have grown. Never blocks.</summary>
    public void Poke() => _pokes.Writer.TryWrite(true);

    /// <summary>Waits until poked (true) or until <paramref name="timeout"/> has passed (false).</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (_pokes.Reader.TryRead(out _))
        {
            return true;
        }

        using var timer = new CancellationTokenSource(timeout, timeProvider);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            await _pokes.Reader.ReadAsync(either.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
