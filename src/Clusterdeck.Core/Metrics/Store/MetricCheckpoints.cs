using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;

namespace Clusterdeck.Core.Metrics.Store;

/// <summary>
/// Durability for the metric store: a write-ahead log of accepted points (<c>wal-G.log</c>) and periodic snapshots
/// (<c>snapshot-G.bin</c> holds everything logged before <c>wal-G.log</c>). At start the newest snapshot is loaded and
/// the logs from its generation on are replayed.
/// </summary>
/// <remarks>
/// A batch is appended with one write(2) before it is applied and acknowledged, so a point the client saw accepted is
/// in the kernel's page cache and survives the process being killed; <c>SyncWrites</c> adds an fsync for power loss.
/// Log record: <c>[int32 length][uint64 checksum][entries]</c>; entries define a series (<c>1, int32 id, identity</c>)
/// for the file or give a point (<c>2, int32 id, int64 time, float32 value</c>). A torn or garbage tail is ignored.
/// </remarks>
internal sealed partial class MetricCheckpoints : IMetricWriteLog, IDisposable
{
    private const byte DefineEntry = 1;
    private const byte PointEntry = 2;
    private const int PointBytes = 1 + 4 + 8 + 4;
    private const int RecordHeaderBytes = 4 + 8;
    private const long SnapshotMagic = 0x31534D4D43444443; // "CDDCMMS1"

    private readonly MetricStore _store;
    private readonly string _directory;
    private readonly bool _syncWrites;
    private readonly ILogger _logger;
    private readonly ReaderWriterLockSlim _rotation = new(LockRecursionPolicy.NoRecursion);
    private readonly Lock _fileLock = new();
    private readonly Lock _snapshotLock = new();
    private SafeFileHandle? _file;
    private long _offset;
    private long _generation;
    private int _nextId;
    private byte[] _buffer = new byte[64 * 1024];

    private MetricCheckpoints(MetricStore store, string directory, bool syncWrites, ILogger logger)
    {
        _store = store;
        _directory = directory;
        _syncWrites = syncWrites;
        _logger = logger;
    }

    /// <summary>Restores the store from <paramref name="directory"/> and starts a new log file there.</summary>
    public static MetricCheckpoints Open(MetricStore store, string directory, bool syncWrites, ILogger logger)
    {
        Directory.CreateDirectory(directory);
        var checkpoints = new MetricCheckpoints(store, directory, syncWrites, logger);
        checkpoints.Restore();
        return checkpoints;
    }

    public void Write(PointBatch batch, Action<PointBatch> apply)
    {
        if (batch.Count == 0)
        {
            return;
        }

        _rotation.EnterReadLock();
        try
        {
            lock (_fileLock)
            {
                Append(batch.Points);
            }

            apply(batch);
        }
        finally
        {
            _rotation.ExitReadLock();
        }
    }

    /// <summary>
    /// Writes a snapshot of the whole store and deletes the log files and snapshots it covers. Writes continue
    /// meanwhile into a new log file, which is replayed on top of this snapshot.
    /// </summary>
    public void Snapshot()
    {
        lock (_snapshotLock)
        {
            var clock = Stopwatch.StartNew();
            var generation = Rotate();
            var path = SnapshotPath(generation);
            var temporary = path + ".tmp";
            long series = 0, chunks = 0;
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
            {
                using var writer = new BinaryWriter(stream);
                writer.Write(SnapshotMagic);
                writer.Write(generation);
                foreach (var stored in _store.AllSeries())
                {
                    var view = stored.View();
                    if (view.IsEmpty)
                    {
                        continue;
                    }

                    var present = view.Table.Chunks.Count(c => c is not null);
                    writer.Write(true);
                    CheckpointEncoding.WriteIdentity(writer, stored.Identity);
                    writer.Write(stored.Timestep);
                    writer.Write(stored.Phase);
                    writer.Write(view.FirstSlot);
                    writer.Write(view.LastSlot);
                    writer.Write(present);
                    for (var i = 0; i < view.Table.Chunks.Length; i++)
                    {
                        if (Volatile.Read(ref view.Table.Chunks[i]) is { } chunk)
                        {
                            writer.Write(view.Table.FirstChunk + i);
                            writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(chunk.AsSpan()));
                        }
                    }

                    series++;
                    chunks += present;
                }

                writer.Write(false);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
            foreach (var (file, fileGeneration) in Files("wal-", ".log").Concat(Files("snapshot-", ".bin")))
            {
                if (fileGeneration < generation)
                {
                    File.Delete(file);
                }
            }

            LogSnapshotWritten(_logger, path, series, chunks, clock.ElapsedMilliseconds);
        }
    }

    public void Dispose()
    {
        lock (_fileLock)
        {
            _file?.Dispose();
            _file = null;
        }

        _rotation.Dispose();
    }

    private void Restore()
    {
        var clock = Stopwatch.StartNew();
        long fromGeneration = 0;
        long points = 0;
        var snapshots = Files("snapshot-", ".bin").OrderByDescending(f => f.Generation).ToList();
        foreach (var (file, generation) in snapshots)
        {
            try
            {
                LoadSnapshot(file);
                fromGeneration = generation;
                break;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or EndOfStreamException)
            {
                LogSnapshotUnreadable(_logger, file, e.Message);
            }
        }

        var logs = Files("wal-", ".log").Where(f => f.Generation >= fromGeneration).OrderBy(f => f.Generation).ToList();
        foreach (var (file, _) in logs)
        {
            points += Replay(file);
        }

        var all = Files("wal-", ".log").Concat(Files("snapshot-", ".bin")).Select(f => f.Generation).ToList();
        _generation = all.Count == 0 ? 1 : all.Max() + 1;
        OpenLog();
        LogRestored(_logger, _directory, snapshots.Count > 0 ? fromGeneration : null, logs.Count, points, clock.ElapsedMilliseconds);
    }

    private void LoadSnapshot(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        using var reader = new BinaryReader(stream);
        if (reader.ReadInt64() != SnapshotMagic)
        {
            throw new InvalidDataException("not a metric store snapshot");
        }

        reader.ReadInt64();
        while (reader.ReadBoolean())
        {
            var identity = CheckpointEncoding.ReadIdentity(reader);
            var timestep = reader.ReadInt32();
            var phase = reader.ReadInt32();
            var first = reader.ReadInt64();
            var last = reader.ReadInt64();
            var count = reader.ReadInt32();
            var series = _store.Resolve(identity);
            if (series is not null && series.Timestep == timestep)
            {
                series.Anchor(phase);
            }
            else
            {
                // The metric is no longer accepted or its timestep changed in cluster.json: its old samples do not fit.
                series = null;
            }

            for (var i = 0; i < count; i++)
            {
                var chunkIndex = reader.ReadInt64();
                var chunk = new float[StoredSeries.ChunkLength];
                reader.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(chunk.AsSpan()));
                if (series is not null)
                {
                    _store.AddChunkBytes(series.RestoreChunk(chunkIndex, chunk, first, last));
                }
            }
        }
    }

    /// <summary>Replays one log file up to its end or its first damaged record; returns the number of points.</summary>
    private long Replay(string file)
    {
        var bytes = File.ReadAllBytes(file);
        var ids = new Dictionary<int, StoredSeries?>();
        var points = new List<PendingPoint>(4096);
        long total = 0;
        var position = 0;
        while (position + RecordHeaderBytes <= bytes.Length)
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(position));
            var checksum = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(position + 4));
            if (length <= 0 || position + RecordHeaderBytes + length > bytes.Length
                || CheckpointEncoding.Checksum(bytes.AsSpan(position + RecordHeaderBytes, length)) != checksum)
            {
                LogDamagedTail(_logger, file, position, bytes.Length - position);
                break;
            }

            var record = bytes.AsMemory(position + RecordHeaderBytes, length);
            points.Clear();
            ReadRecord(record, ids, points);
            _store.Apply(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(points));
            total += points.Count;
            position += RecordHeaderBytes + length;
        }

        return total;
    }

    private void ReadRecord(ReadOnlyMemory<byte> record, Dictionary<int, StoredSeries?> ids, List<PendingPoint> points)
    {
        var span = record.Span;
        var position = 0;
        while (position < span.Length)
        {
            var kind = span[position];
            var id = BinaryPrimitives.ReadInt32LittleEndian(span[(position + 1)..]);
            position += 5;
            if (kind == DefineEntry)
            {
                using var stream = new MemoryStream(record[position..].ToArray(), writable: false);
                using var reader = new BinaryReader(stream);
                ids[id] = _store.Resolve(CheckpointEncoding.ReadIdentity(reader));
                position += (int)stream.Position;
            }
            else if (kind == PointEntry)
            {
                var time = BinaryPrimitives.ReadInt64LittleEndian(span[position..]);
                var value = BinaryPrimitives.ReadSingleLittleEndian(span[(position + 8)..]);
                position += 12;
                if (ids.GetValueOrDefault(id) is { } series)
                {
                    points.Add(new PendingPoint(series, time, value));
                }
            }
            else
            {
                throw new InvalidDataException($"unknown log entry kind {kind}");
            }
        }
    }

    /// <summary>Encodes and appends one record. Caller holds the file lock, so definitions precede their points in the file.</summary>
    private void Append(ReadOnlySpan<PendingPoint> points)
    {
        var position = RecordHeaderBytes;
        Ensure(position + (points.Length * PointBytes));
        foreach (var point in points)
        {
            var series = point.Series;
            if (series.LogGeneration != _generation)
            {
                var identity = series.Identity;
                Ensure(position + 5 + CheckpointEncoding.MaxIdentityBytes(identity) + ((points.Length + 1) * PointBytes));
                series.LogId = ++_nextId;
                series.LogGeneration = _generation;
                _buffer[position] = DefineEntry;
                BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(position + 1), series.LogId);
                position += 5;
                position += CheckpointEncoding.WriteIdentity(_buffer.AsSpan(position), identity);
            }

            var entry = _buffer.AsSpan(position, PointBytes);
            entry[0] = PointEntry;
            BinaryPrimitives.WriteInt32LittleEndian(entry[1..], series.LogId);
            BinaryPrimitives.WriteInt64LittleEndian(entry[5..], point.Time);
            BinaryPrimitives.WriteSingleLittleEndian(entry[13..], point.Value);
            position += PointBytes;
        }

        var payload = _buffer.AsSpan(RecordHeaderBytes, position - RecordHeaderBytes);
        BinaryPrimitives.WriteInt32LittleEndian(_buffer, payload.Length);
        BinaryPrimitives.WriteUInt64LittleEndian(_buffer.AsSpan(4), CheckpointEncoding.Checksum(payload));
        try
        {
            RandomAccess.Write(_file!, _buffer.AsSpan(0, position), _offset);
            if (_syncWrites)
            {
                RandomAccess.FlushToDisk(_file!);
            }
        }
        catch
        {
            // Part of the record may be on disk: continue in a new file, where every series is defined afresh.
            _file!.Dispose();
            _generation++;
            OpenLog();
            throw;
        }

        _offset += position;
    }

    private void Ensure(int bytes)
    {
        if (bytes > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(bytes, _buffer.Length * 2));
        }
    }

    /// <summary>Switches writers to a new log file; returns its generation. Batches in flight finish (logged and applied) first.</summary>
    private long Rotate()
    {
        _rotation.EnterWriteLock();
        try
        {
            lock (_fileLock)
            {
                _file?.Dispose();
                _generation++;
                OpenLog();
                return _generation;
            }
        }
        finally
        {
            _rotation.ExitWriteLock();
        }
    }

    private void OpenLog()
    {
        _file = File.OpenHandle(LogPath(_generation), FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        _offset = 0;
    }

    private string LogPath(long generation) => Path.Combine(_directory, $"wal-{generation:D8}.log");

    private string SnapshotPath(long generation) => Path.Combine(_directory, $"snapshot-{generation:D8}.bin");

    private IEnumerable<(string File, long Generation)> Files(string prefix, string extension)
    {
        foreach (var file in Directory.EnumerateFiles(_directory, prefix + "*" + extension))
        {
            var name = Path.GetFileName(file);
            if (long.TryParse(name.AsSpan(prefix.Length, name.Length - prefix.Length - extension.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var generation))
            {
                yield return (file, generation);
            }
        }
    }

    [LoggerMessage(EventId = 7111, Level = LogLevel.Information, Message = "Metric store restored from {Directory}: snapshot generation {Snapshot}, {Logs} log files, {Points} points replayed in {Milliseconds} ms")]
    private static partial void LogRestored(ILogger logger, string directory, long? snapshot, int logs, long points, long milliseconds);

    [LoggerMessage(EventId = 7112, Level = LogLevel.Information, Message = "Metric store snapshot {Path} written: {Series} series, {Chunks} chunks in {Milliseconds} ms")]
    private static partial void LogSnapshotWritten(ILogger logger, string path, long series, long chunks, long milliseconds);

    [LoggerMessage(EventId = 7113, Level = LogLevel.Error, Message = "Metric store snapshot {Path} cannot be read ({Reason}); trying an older one")]
    private static partial void LogSnapshotUnreadable(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 7114, Level = LogLevel.Warning, Message = "Metric store log {Path} ends in a damaged record at byte {Offset} ({Bytes} bytes ignored): a write was cut short")]
    private static partial void LogDamagedTail(ILogger logger, string path, int offset, int bytes);
}
