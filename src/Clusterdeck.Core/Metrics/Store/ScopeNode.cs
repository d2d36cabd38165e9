using System.Collections.Concurrent;

namespace Clusterdeck.Core.Metrics.Store;

/// <summary>
/// One level of a host's metric (cc-metric-store's <c>Level</c>): the host itself, a scope id below it
/// (<c>hwthread12</c>), or a subtype below that. A level may hold its own series and children.
/// </summary>
internal sealed class ScopeNode
{
    private ConcurrentDictionary<string, ScopeNode>? _children;
    private StoredSeries? _series;

    public StoredSeries? Series => Volatile.Read(ref _series);

    public IReadOnlyDictionary<string, ScopeNode>? Children => Volatile.Read(ref _children);

    public ScopeNode Child(string key)
    {
        var children = Volatile.Read(ref _children);
        if (children is null)
        {
            Interlocked.CompareExchange(ref _children, new ConcurrentDictionary<string, ScopeNode>(StringComparer.Ordinal), null);
            children = _children;
        }

        return children.TryGetValue(key, out var child) ? child : children.GetOrAdd(key, static _ => new ScopeNode());
    }

    public StoredSeries GetOrCreateSeries(Func<StoredSeries> create)
    {
        var series = Volatile.Read(ref _series);
        if (series is not null)
        {
            return series;
        }

        Interlocked.CompareExchange(ref _series, create(), null);
        return _series!;
    }

    /// <summary>This level's series and every series below it.</summary>
    public IEnumerable<StoredSeries> AllSeries()
    {
        if (Series is { } own)
        {
            yield return own;
        }

        if (Children is { } children)
        {
            foreach (var child in children.Values)
            {
                foreach (var series in child.AllSeries())
                {
                    yield return series;
                }
            }
        }
    }
}
