using System.Collections.Concurrent;
using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Errors;
using Clusterdeck.Core.Metrics.Query;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clusterdeck.Core.Metrics.Store;

/// <summary>
/// The in-process metric store (cc-metric-store's memory store): line protocol in, cc-metric-store's query protocol
/// out. Series live per (cluster, host, metric, scope id[, subtype id]) in float32 chunks at the metric's timestep
/// from the cluster catalog, kept for the configured retention and within the memory limit.
/// </summary>
public sealed partial class MetricStore : ILineProtocolSink, IMetricQueryProtocol, IDisposable
{
    /// <summary>Points further ahead of the clock than this are dropped: a wrong clock must not stretch every chunk table.</summary>
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromDays(1);

    private readonly IClusterCatalog _catalog;
    private readonly MetricStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<MetricStore> _logger;
    private readonly ConcurrentDictionary<string, ClusterEntry> _clusters = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SeriesRoutes> _routes = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _memoryPressure = new(0, 1);
    private long _chunkBytes;
    private readonly Action<PointBatch> _applyBatch;
    private IMetricWriteLog? _log;

    public MetricStore(IClusterCatalog catalog, IOptions<MetricStoreOptions> options, TimeProvider time, ILogger<MetricStore> logger)
    {
        _catalog = catalog;
        _options = options.Value;
        _time = time;
        _logger = logger;
        Retention = _options.RetentionSpan;
        _applyBatch = batch => Apply(batch.Points);
    }

    /// <summary>How long points are kept.</summary>
    public TimeSpan Retention { get; }

    /// <summary>Bytes held in sample chunks (the float arrays and their headers).</summary>
    public long ChunkBytes => Interlocked.Read(ref _chunkBytes);

    /// <summary>Signalled when a write pushes <see cref="ChunkBytes"/> over the memory limit.</summary>
    internal SemaphoreSlim MemoryPressure => _memoryPressure;

    /// <summary>InfluxDB's <c>?precision=</c> values: <c>s</c>, <c>ms</c>, <c>us</c>, <c>ns</c>; empty or null means by magnitude.</summary>
    public static bool TryParsePrecision(string? text, out TimestampPrecision precision) =>
        LineProtocolParser.TryParsePrecision(text, out precision);

    public ValueTask<LineProtocolWriteResult> WriteAsync(string cluster, ReadOnlyMemory<byte> lines, CancellationToken cancellationToken) =>
        WriteAsync(cluster, lines, TimestampPrecision.Auto, cancellationToken);

    /// <summary>
    /// Stores every line of <paramref name="lines"/>, or none when one is bad (<see cref="InvalidInputException"/> naming
    /// the line). With checkpoints on, the points are in the write-ahead log when this returns.
    /// </summary>
    public ValueTask<LineProtocolWriteResult> WriteAsync(
        string cluster, ReadOnlyMemory<byte> lines, TimestampPrecision precision, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var batch = new PointBatch();
        var dropped = Parse(cluster, lines.Span, precision, batch);
        if (_log is { } log)
        {
            // Logged before it is applied and acknowledged: a crash after the append replays the batch at start.
            log.Write(batch, _applyBatch);
        }
        else
        {
            Apply(batch.Points);
        }

        return ValueTask.FromResult(new LineProtocolWriteResult(batch.Count, dropped));
    }

    public Task<MetricQueryResponse> QueryAsync(MetricQueryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(new MetricQueryEngine(this).Run(request, cancellationToken));
    }

    /// <summary>
    /// cc-metric-store's <c>/api/free</c>: frees the chunks of the selected level (<c>[]</c> everything, <c>[cluster]</c>,
    /// <c>[cluster, host]</c>, then scope keys such as <c>hwthread12</c>) whose data all lies before <paramref name="before"/>.
    /// Returns the number of chunks freed.
    /// </summary>
    public int Free(IReadOnlyList<string> selector, long before)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var freed = 0;
        foreach (var series in Select(selector))
        {
            freed += FreeSeries(series, before);
        }

        return freed;
    }

    /// <summary>
    /// cc-metric-store's health check of a node: null when the store has never seen it; otherwise true unless five or
    /// more of its series have had no sample for five timesteps.
    /// </summary>
    public bool? IsHealthy(string cluster, string host)
    {
        const int MaxMissingSamples = 5;
        const int MaxUnhealthySeries = 5;
        if (!_clusters.TryGetValue(cluster, out var entry) || !entry.Hosts.TryGetValue(host, out var hostEntry))
        {
            return null;
        }

        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var unhealthy = 0;
        foreach (var node in hostEntry.Metrics.Values)
        {
            foreach (var series in node.AllSeries())
            {
                if (series.DataEnd() is not { } end || now - end > MaxMissingSamples * series.Timestep)
                {
                    unhealthy++;
                }
            }
        }

        return unhealthy < MaxUnhealthySeries;
    }

    /// <summary>The hosts the store holds for <paramref name="cluster"/>, in name order.</summary>
    public IReadOnlyList<string> Hosts(string cluster) =>
        _clusters.TryGetValue(cluster, out var entry) ? [.. entry.Hosts.Keys.Order(StringComparer.Ordinal)] : [];

    public void Dispose() => _memoryPressure.Dispose();

    internal ClusterEntry? FindCluster(string name)
    {
        if (_clusters.TryGetValue(name, out var entry))
        {
            return entry;
        }

        return _catalog.Find(name) is null ? null : ClusterFor(name);
    }

    internal void AttachLog(IMetricWriteLog log) => _log = log;

    /// <summary>Counts chunk memory installed outside <see cref="Apply"/> (snapshot restore).</summary>
    internal void AddChunkBytes(long bytes) => Interlocked.Add(ref _chunkBytes, bytes);

    /// <summary>Stores points that were already accepted (log replay, snapshot restore): no parsing, no logging.</summary>
    internal void Apply(ReadOnlySpan<PendingPoint> points)
    {
        long allocated = 0;
        foreach (var point in points)
        {
            allocated += point.Series.Write(point.Time, point.Value);
        }

        if (allocated > 0)
        {
            var total = Interlocked.Add(ref _chunkBytes, allocated);
            var limit = _options.MemoryLimitBytes;
            if (limit > 0 && total > limit && _memoryPressure.CurrentCount == 0)
            {
                try
                {
                    _memoryPressure.Release();
                }
                catch (SemaphoreFullException)
                {
                    // Another writer signalled first.
                }
            }
        }
    }

    /// <summary>The series named by an identity, created when missing; null when its cluster does not accept the metric.</summary>
    internal StoredSeries? Resolve(SeriesIdentity identity) =>
        Resolve(identity.Cluster, identity.Host, identity.Metric, identity.Type, identity.TypeId, identity.SubType, identity.SubTypeId);

    internal IEnumerable<StoredSeries> AllSeries() => Select([]);

    /// <summary>Frees chunks older than the retention window; returns the number freed.</summary>
    internal int ApplyRetention()
    {
        var before = _time.GetUtcNow().ToUnixTimeSeconds() - (long)Retention.TotalSeconds;
        var freed = Free([], before);
        if (freed > 0)
        {
            LogRetentionFreed(_logger, freed, before);
        }

        return freed;
    }

    /// <summary>While over the memory limit, frees the oldest chunks of every series, oldest first.</summary>
    internal int EnforceMemoryLimit()
    {
        var limit = _options.MemoryLimitBytes;
        var freed = 0;
        long? cutoff = null;
        while (limit > 0 && ChunkBytes > limit)
        {
            long? oldest = null;
            foreach (var series in AllSeries())
            {
                if (series.OldestChunkEnd() is { } end && (oldest is null || end < oldest))
                {
                    oldest = end;
                }
            }

            if (oldest is null)
            {
                break;
            }

            cutoff = oldest.Value + 1;
            freed += Free([], cutoff.Value);
        }

        if (freed > 0)
        {
            LogMemoryLimitFreed(_logger, freed, _options.MemoryLimit, cutoff!.Value);
        }

        return freed;
    }

    private int FreeSeries(StoredSeries series, long before)
    {
        var (chunks, bytes) = series.Free(before);
        if (bytes > 0)
        {
            Interlocked.Add(ref _chunkBytes, -bytes);
        }

        return chunks;
    }

    private long Parse(string defaultCluster, ReadOnlySpan<byte> body, TimestampPrecision precision, PointBatch batch)
    {
        var routes = _routes.TryGetValue(defaultCluster, out var existing) ? existing : _routes.GetOrAdd(defaultCluster, static _ => new SeriesRoutes());
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var oldest = now - (long)Retention.TotalSeconds;
        var newest = now + (long)FutureTolerance.TotalSeconds;
        long dropped = 0;
        var position = 0;
        var lineNumber = 0;
        while (LineProtocolParser.NextLine(body, ref position, ref lineNumber, out var line))
        {
            var keyLength = LineProtocolParser.SeriesKeyLength(line, lineNumber);
            var key = line[..keyLength];
            var (value, time) = LineProtocolParser.ParseFieldsAndTime(line, keyLength, precision, now, lineNumber);
            if (!routes.TryGet(key, out var series))
            {
                series = Resolve(defaultCluster, LineProtocolParser.ParseSeriesKey(key, lineNumber), lineNumber, key);
                routes.Remember(key, series);
            }

            if (series is null || time < oldest || time > newest)
            {
                dropped++;
                continue;
            }

            batch.Add(series, time, value);
        }

        return dropped;
    }

    private StoredSeries? Resolve(string defaultCluster, LineSeriesKey key, int lineNumber, ReadOnlySpan<byte> text)
    {
        var cluster = key.Cluster ?? defaultCluster;
        if (cluster.Length == 0)
        {
            throw LineProtocolParser.Error(lineNumber, "no cluster: add a 'cluster' tag or ?cluster= to the request", text);
        }

        return Resolve(cluster, key.Host, key.Measurement, key.Type, key.TypeId, key.SubType, key.SubTypeId);
    }

    private StoredSeries? Resolve(string cluster, string host, string metric, string? type, string? typeId, string? subType, string? subTypeId)
    {
        var entry = ClusterFor(cluster);
        if (entry.Accept(metric) is not { } info)
        {
            return null;
        }

        var hostEntry = entry.Host(host);
        var node = hostEntry.Metrics.TryGetValue(info.Name, out var root) ? root : hostEntry.Metrics.GetOrAdd(info.Name, static _ => new ScopeNode());
        if (type is not null)
        {
            node = node.Child(type + typeId);
            if (subType is not null)
            {
                node = node.Child(subType + subTypeId);
            }
        }

        return node.GetOrCreateSeries(() => new StoredSeries(
            new SeriesIdentity(entry.Name, hostEntry.Name, info.Name, type, typeId, subType, subTypeId), info.Timestep));
    }

    private ClusterEntry ClusterFor(string name)
    {
        if (_clusters.TryGetValue(name, out var entry))
        {
            return entry;
        }

        Dictionary<string, MetricInfo>? configured = null;
        if (_catalog.Find(name) is { } cluster)
        {
            configured = new Dictionary<string, MetricInfo>(StringComparer.Ordinal);
            foreach (var metric in cluster.MetricConfig)
            {
                configured[metric.Name] = new MetricInfo(
                    metric.Name,
                    metric.Timestep > 0 ? metric.Timestep : _options.DefaultTimestep,
                    string.Equals(metric.Aggregation, "avg", StringComparison.OrdinalIgnoreCase));
            }
        }

        return _clusters.GetOrAdd(name, new ClusterEntry(name, configured, _options.DefaultTimestep));
    }

    /// <summary>Every series at or below the level a cc-metric-store selector names.</summary>
    private IEnumerable<StoredSeries> Select(IReadOnlyList<string> selector)
    {
        IEnumerable<ClusterEntry> clusters = selector.Count == 0
            ? _clusters.Values
            : _clusters.TryGetValue(selector[0], out var one) ? [one] : [];
        foreach (var cluster in clusters)
        {
            IEnumerable<HostEntry> hosts = selector.Count < 2
                ? cluster.Hosts.Values
                : cluster.Hosts.TryGetValue(selector[1], out var named) ? [named] : [];
            foreach (var host in hosts)
            {
                foreach (var root in host.Metrics.Values)
                {
                    var node = root;
                    for (var level = 2; node is not null && level < selector.Count; level++)
                    {
                        node = node.Children?.GetValueOrDefault(selector[level]);
                    }

                    if (node is null)
                    {
                        continue;
                    }

                    foreach (var series in node.AllSeries())
                    {
                        yield return series;
                    }
                }
            }
        }
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Metric store freed {Chunks} chunks holding only samples before Unix time {Before} (retention)")]
    private static partial void LogRetentionFreed(ILogger logger, int chunks, long before);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Warning, Message = "Metric store over its memory limit of {LimitMegabytes} MB: freed the {Chunks} oldest chunks (samples before Unix time {Before})")]
    private static partial void LogMemoryLimitFreed(ILogger logger, int chunks, long limitMegabytes, long before);
}
