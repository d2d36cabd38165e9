using Clusterdeck.Core.Archive;

namespace Clusterdeck.Core.Metrics.JobMetrics;

/// <summary>
/// Recently read archived job data, least recently used first out, as cc-backend keeps it (an LRU cache of 128 MB,
/// entries kept 5 hours). A job's page asks for its data, its statistics and its scoped statistics in quick
/// succession; each would otherwise decompress and parse the same <c>data.json.gz</c>. Archived data does not change,
/// and nothing handed out is ever modified (callers build new records), so entries are shared.
/// </summary>
public sealed class ArchivedJobDataCache(TimeProvider time)
{
    public const long CapacityBytes = 128L * 1024 * 1024;

    private static readonly TimeSpan TimeToLive = TimeSpan.FromHours(5);

    private readonly Lock _lock = new();
    private readonly Dictionary<Key, LinkedListNode<Entry>> _entries = [];
    private readonly LinkedList<Entry> _recency = new();
    private long _bytes;

    public async Task<JobData?> GetOrReadAsync(string cluster, long jobId, long startTime, Func<Task<JobData?>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var key = new Key(cluster, jobId, startTime);
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                if (time.GetUtcNow() < node.Value.Expires)
                {
                    _recency.Remove(node);
                    _recency.AddFirst(node);
                    return node.Value.Data;
                }

                Remove(node);
            }
        }

        var data = await read();
        if (data is null)
        {
            return null;
        }

        var size = SizeOf(data);
        if (size > CapacityBytes / 4)
        {
            return data; // one job would push out most others
        }

        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var existing))
            {
                Remove(existing);
            }

            var node = _recency.AddFirst(new Entry(key, data, size, time.GetUtcNow() + TimeToLive));
            _entries[key] = node;
            _bytes += size;
            while (_bytes > CapacityBytes && _recency.Last is { } oldest)
            {
                Remove(oldest);
            }
        }

        return data;
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        _recency.Remove(node);
        _entries.Remove(node.Value.Key);
        _bytes -= node.Value.Bytes;
    }

    /// <summary>Samples at 4 bytes plus a rough 128 bytes per series and metric for the objects around them.</summary>
    private static long SizeOf(JobData data)
    {
        long size = 0;
        foreach (var scopes in data.Values)
        {
            foreach (var metric in scopes.Values)
            {
                size += 128;
                foreach (var series in metric.Series)
                {
                    size += 128 + (series.Data.Length * sizeof(float));
                }

                if (metric.StatisticsSeries is { } statistics)
                {
                    size += (statistics.Min.Length + statistics.Max.Length + statistics.Median.Length + statistics.Mean.Length) * sizeof(float);
                }
            }
        }

        return size;
    }

    private readonly record struct Key(string Cluster, long JobId, long StartTime);

    private sealed record Entry(Key Key, JobData Data, long Bytes, DateTimeOffset Expires);
}
