using System.Threading.Channels;

namespace Clusterdeck.Data.Jobs;

/// <summary>
/// One writer that gathers concurrent single-row inserts into one transaction. SQLite has a single writer
/// and a commit costs a WAL sync, so 32 callers each committing alone would queue on the lock; batched,
/// they share one commit. A caller's task completes only after the commit of its batch (durability: an
/// acknowledged insert is in a committed transaction). If a batch fails, each of its items is retried on
/// its own so that one bad row cannot fail its neighbours.
/// </summary>
internal sealed class GroupCommitWriter<TItem, TResult> : IAsyncDisposable
{
    private const int MaxBatch = 1024;

    private readonly Channel<(TItem Item, TaskCompletionSource<TResult> Done)> _queue =
        Channel.CreateUnbounded<(TItem, TaskCompletionSource<TResult>)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly Func<IReadOnlyList<TItem>, CancellationToken, Task<TResult[]>> _writeBatch;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;

    /// <param name="writeBatch">Writes all items in one transaction and returns one result per item, in order; throws when the transaction failed.</param>
    public GroupCommitWriter(Func<IReadOnlyList<TItem>, CancellationToken, Task<TResult[]>> writeBatch)
    {
        _writeBatch = writeBatch;
        _loop = Task.Run(RunAsync);
    }

    public Task<TResult> WriteAsync(TItem item, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var done = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite((item, done)), this);

        // Not cancellable once queued: the row may already be committed, and the caller must not think otherwise.
        return done.Task;
    }

    private async Task RunAsync()
    {
        var batch = new List<(TItem Item, TaskCompletionSource<TResult> Done)>(MaxBatch);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && reader.TryRead(out var entry))
            {
                batch.Add(entry);
            }

            try
            {
                var results = await _writeBatch([.. batch.Select(b => b.Item)], _stopping.Token);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.TrySetResult(results[i]);
                }
            }
            catch (Exception) when (batch.Count > 1)
            {
                foreach (var (item, done) in batch)
                {
                    await WriteAloneAsync(item, done);
                }
            }
            catch (Exception error)
            {
                batch[0].Done.TrySetException(error);
            }
        }
    }

    private async Task WriteAloneAsync(TItem item, TaskCompletionSource<TResult> done)
    {
        try
        {
            done.TrySetResult((await _writeBatch([item], _stopping.Token))[0]);
        }
        catch (Exception error)
        {
            done.TrySetException(error);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
        await _stopping.CancelAsync();
        _stopping.Dispose();
    }
}
