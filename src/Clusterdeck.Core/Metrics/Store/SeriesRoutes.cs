using System.Collections.Concurrent;

namespace Clusterdeck.Core.Metrics.Store;

/// <summary>
/// The ingest fast path: the raw text of a line's series part (as the collector sent it, tags in its order) mapped
/// to the series it names, so a known series costs one hash lookup over bytes and no parsing of tags. One table per
/// default cluster (the <c>?cluster=</c> of the request), because lines without a cluster tag depend on it.
/// A null entry means "dropped" (a metric the cluster does not accept).
/// </summary>
internal sealed class SeriesRoutes
{
    /// <summary>Beyond this many distinct texts new ones are resolved each time instead of remembered, so odd clients cannot grow memory without bound.</summary>
    private const int MaxEntries = 8_000_000;

    private readonly ConcurrentDictionary<byte[], StoredSeries?> _routes = new(SeriesKeyComparer.Instance);
    private readonly ConcurrentDictionary<byte[], StoredSeries?>.AlternateLookup<ReadOnlySpan<byte>> _lookup;
    private int _count;

    public SeriesRoutes()
    {
        _lookup = _routes.GetAlternateLookup<ReadOnlySpan<byte>>();
    }

    public bool TryGet(ReadOnlySpan<byte> key, out StoredSeries? series) => _lookup.TryGetValue(key, out series);

    public void Remember(ReadOnlySpan<byte> key, StoredSeries? series)
    {
        // ConcurrentDictionary.Count takes every lock; a counter of our own is enough to bound the table.
        if (Volatile.Read(ref _count) < MaxEntries && _lookup.TryAdd(key, series))
        {
            Interlocked.Increment(ref _count);
        }
    }
}
