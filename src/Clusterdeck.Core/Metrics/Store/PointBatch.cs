using System.Buffers;

namespace Clusterdeck.Core.Metrics.Store;

/// <summary>The points of one request body, in a pooled array, so a body is stored only once every line has parsed.</summary>
internal sealed class PointBatch : IDisposable
{
    private PendingPoint[] _points = ArrayPool<PendingPoint>.Shared.Rent(4096);

    public int Count { get; private set; }

    public ReadOnlySpan<PendingPoint> Points => _points.AsSpan(0, Count);

    public void Add(StoredSeries series, long time, float value)
    {
        if (Count == _points.Length)
        {
            var grown = ArrayPool<PendingPoint>.Shared.Rent(_points.Length * 2);
            _points.AsSpan(0, Count).CopyTo(grown);
            ArrayPool<PendingPoint>.Shared.Return(_points, clearArray: true);
            _points = grown;
        }

        _points[Count++] = new PendingPoint(series, time, value);
    }

    public void Dispose()
    {
        // Cleared so that the pool does not keep series alive.
        ArrayPool<PendingPoint>.Shared.Return(_points, clearArray: true);
        _points = [];
        Count = 0;
    }
}
