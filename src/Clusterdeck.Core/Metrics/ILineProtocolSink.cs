namespace Clusterdeck.Core.Metrics;

/// <summary>
/// Accepts metrics in InfluxDB line protocol as cc-metric-collector sends them (measurement = metric name; tags
/// <c>hostname</c>, <c>type</c>, <c>type-id</c>, optionally <c>cluster</c>; field <c>value</c>; second or nanosecond
/// timestamps). The in-process metric store implements it; <c>POST /api/write</c> and the in-process node agent feed it.
/// </summary>
public interface ILineProtocolSink
{
    /// <summary>
    /// Stores every line of <paramref name="lines"/>; <paramref name="cluster"/> applies to lines without a cluster tag.
    /// When this returns, the points are acknowledged (and, with checkpoints on, survive a crash).
    /// A body with a bad line is refused as a whole (nothing stored): throws <see cref="Errors.InvalidInputException"/>
    /// naming the line number and what is wrong with it.
    /// </summary>
    ValueTask<LineProtocolWriteResult> WriteAsync(string cluster, ReadOnlyMemory<byte> lines, CancellationToken cancellationToken);
}

/// <summary>How many points were stored, and how many were dropped (unknown metric, outside the retention window).</summary>
public sealed record LineProtocolWriteResult(long Stored, long Dropped);
