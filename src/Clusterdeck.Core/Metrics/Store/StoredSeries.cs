namespace Clusterdeck.Core.Metrics.Store;

/// <summary>
/// The samples of one series in float32 chunks of <see cref="ChunkLength"/> slots, one slot per timestep.
/// </summary>
/// <remarks>
/// Slots are anchored on the first sample's phase (its time modulo the timestep), as cc-metric-store anchors its
/// buffers on the first write: a sample lands in the slot nearest its timestamp, so collectors that send every
/// timestep with a little jitter fill consecutive slots. A later write to a slot overwrites it.
/// Writers take the series' lock; readers take none. They read <see cref="_lastSlot"/> (published after the value)
/// and then the chunk table, whose chunks are never reused: a reader sees each slot either before or after a write.
/// </remarks>
internal sealed class StoredSeries(SeriesIdentity identity, int timestep)
{
    /// <summary>
    /// 256 slots (1 KiB, about 4¼ hours at 60 s): small enough that the partly filled newest chunk wastes on average
    /// 0.35 bytes per sample of a day's series, large enough that the array header (24 bytes) is 2 % of a chunk.
    /// </summary>
    public const int ChunkLength = 256;

    public const int ChunkBytes = (ChunkLength * sizeof(float)) + 24;

    private readonly Lock _lock = new();
    private ChunkTable _table = ChunkTable.Empty;
    private long _firstSlot = long.MaxValue;
    private long _lastSlot = long.MinValue;
    private int _phase;
    private bool _anchored;

    public SeriesIdentity Identity { get; } = identity;

    /// <summary>Seconds between samples.</summary>
    public int Timestep { get; } = timestep;

    /// <summary>Seconds after a multiple of the timestep at which slots start; fixed by the first write.</summary>
    public int Phase => _phase;

    /// <summary>Number used for this series in the current write-ahead log file; 0 when not yet defined there.</summary>
    public int LogId { get; set; }

    /// <summary>The log file generation <see cref="LogId"/> belongs to.</summary>
    public long LogGeneration { get; set; } = -1;

    /// <summary>Writes a sample; returns the bytes of chunk memory this allocated (0 or one chunk).</summary>
    public int Write(long time, float value)
    {
        lock (_lock)
        {
            if (!_anchored)
            {
                _phase = (int)TimeSlots.FloorMod(time, Timestep);
                _anchored = true;
            }

            var slot = SlotOf(time);
            var chunkIndex = TimeSlots.FloorDiv(slot, ChunkLength);
            var table = TableFor(chunkIndex);
            var position = (int)(chunkIndex - table.FirstChunk);
            var allocated = 0;
            var chunk = table.Chunks[position];
            if (chunk is null)
            {
                chunk = new float[ChunkLength];
                chunk.AsSpan().Fill(float.NaN);
                Volatile.Write(ref table.Chunks[position], chunk);
                allocated = ChunkBytes;
            }

            chunk[slot - (chunkIndex * ChunkLength)] = value;
            if (slot < _firstSlot)
            {
                Volatile.Write(ref _firstSlot, slot);
            }

            if (slot > _lastSlot)
            {
                Volatile.Write(ref _lastSlot, slot);
            }

            return allocated;
        }
    }

    /// <summary>Sets the phase before any write, when restoring a snapshot.</summary>
    public void Anchor(int phase)
    {
        lock (_lock)
        {
            if (!_anchored)
            {
                _phase = phase;
                _anchored = true;
            }
        }
    }

    /// <summary>Installs a chunk read from a snapshot (before any write to this series); returns the bytes it holds.</summary>
    public int RestoreChunk(long chunkIndex, float[] chunk, long firstSlot, long lastSlot)
    {
        lock (_lock)
        {
            var table = TableFor(chunkIndex);
            var position = (int)(chunkIndex - table.FirstChunk);
            if (table.Chunks[position] is { } existing)
            {
                for (var i = 0; i < ChunkLength; i++)
                {
                    if (!float.IsNaN(chunk[i]))
                    {
                        existing[i] = chunk[i];
                    }
                }

                return 0;
            }

            Volatile.Write(ref table.Chunks[position], chunk);
            var start = chunkIndex * ChunkLength;
            var first = Math.Max(firstSlot, start);
            var last = Math.Min(lastSlot, start + ChunkLength - 1);
            if (first < _firstSlot)
            {
                Volatile.Write(ref _firstSlot, first);
            }

            if (last > _lastSlot)
            {
                Volatile.Write(ref _lastSlot, last);
            }

            return ChunkBytes;
        }
    }

    /// <summary>A consistent view for reading, without locking.</summary>
    public SeriesView View()
    {
        var last = Volatile.Read(ref _lastSlot);
        var first = Volatile.Read(ref _firstSlot);
        var table = Volatile.Read(ref _table);
        if (table.Chunks.Length == 0 || last == long.MinValue)
        {
            return new SeriesView(table, 0, -1, Timestep, _phase);
        }

        return new SeriesView(table, Math.Max(first, table.FirstChunk * ChunkLength), last, Timestep, _phase);
    }

    /// <summary>The time just after the newest sample, or null when the series holds none.</summary>
    public long? DataEnd()
    {
        var view = View();
        return view.IsEmpty ? null : view.TimeOf(view.LastSlot) + Timestep;
    }

    /// <summary>The end time of the data in the oldest chunk still held, or null when there is none.</summary>
    public long? OldestChunkEnd()
    {
        var view = View();
        if (view.IsEmpty)
        {
            return null;
        }

        var table = view.Table;
        for (var i = 0; i < table.Chunks.Length; i++)
        {
            if (table.Chunks[i] is not null)
            {
                return ChunkDataEnd(table.FirstChunk + i, view.LastSlot);
            }
        }

        return null;
    }

    /// <summary>Frees every chunk whose data all lies before <paramref name="before"/>; returns how many and their bytes.</summary>
    public (int Chunks, long Bytes) Free(long before)
    {
        lock (_lock)
        {
            var table = _table;
            var freed = 0;
            var drop = 0;
            while (drop < table.Chunks.Length)
            {
                var chunk = table.Chunks[drop];
                if (chunk is not null)
                {
                    if (ChunkDataEnd(table.FirstChunk + drop, _lastSlot) >= before)
                    {
                        break;
                    }

                    freed++;
                }

                drop++;
            }

            if (drop == 0)
            {
                return (0, 0);
            }

            if (drop == table.Chunks.Length)
            {
                Volatile.Write(ref _table, ChunkTable.Empty);
                Volatile.Write(ref _lastSlot, long.MinValue);
                Volatile.Write(ref _firstSlot, long.MaxValue);
            }
            else
            {
                var rest = new float[]?[table.Chunks.Length - drop];
                Array.Copy(table.Chunks, drop, rest, 0, rest.Length);
                Volatile.Write(ref _table, new ChunkTable(table.FirstChunk + drop, rest));
            }

            return (freed, (long)freed * ChunkBytes);
        }
    }

    private long SlotOf(long time) => TimeSlots.FloorDiv(time - _phase + (Timestep / 2), Timestep);

    private long ChunkDataEnd(long chunkIndex, long lastSlot)
    {
        var endSlot = Math.Min((chunkIndex + 1) * ChunkLength, lastSlot + 1);
        return (endSlot * Timestep) + _phase;
    }

    /// <summary>The table, grown (and republished) so that it has an entry for <paramref name="chunkIndex"/>. Caller holds the lock.</summary>
    private ChunkTable TableFor(long chunkIndex)
    {
        var table = _table;
        if (table.Chunks.Length == 0)
        {
            table = new ChunkTable(chunkIndex, new float[]?[2]);
        }
        else if (chunkIndex < table.FirstChunk)
        {
            var grown = new float[]?[table.Chunks.Length + (int)(table.FirstChunk - chunkIndex)];
            Array.Copy(table.Chunks, 0, grown, grown.Length - table.Chunks.Length, table.Chunks.Length);
            table = new ChunkTable(chunkIndex, grown);
        }
        else if (chunkIndex - table.FirstChunk >= table.Chunks.Length)
        {
            var needed = (int)(chunkIndex - table.FirstChunk) + 1;
            var grown = new float[]?[Math.Max(needed, Math.Min(table.Chunks.Length * 2, needed + 8))];
            Array.Copy(table.Chunks, grown, table.Chunks.Length);
            table = new ChunkTable(table.FirstChunk, grown);
        }
        else
        {
            return table;
        }

        Volatile.Write(ref _table, table);
        return table;
    }
}
