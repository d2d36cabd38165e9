namespace Clusterdeck.Core.Metrics.Store;

/// <summary>A series as one reader sees it: slots <see cref="FirstSlot"/> to <see cref="LastSlot"/> (empty when first &gt; last).</summary>
internal readonly struct SeriesView(ChunkTable table, long firstSlot, long lastSlot, int timestep, int phase)
{
    public ChunkTable Table { get; } = table;

    public long FirstSlot { get; } = firstSlot;

    public long LastSlot { get; } = lastSlot;

    public int Timestep { get; } = timestep;

    public bool IsEmpty => FirstSlot > LastSlot;

    /// <summary>The slot a sample at <paramref name="time"/> falls into (the nearest slot start).</summary>
    public long SlotOf(long time) => TimeSlots.FloorDiv(time - phase + (Timestep / 2), Timestep);

    public long TimeOf(long slot) => (slot * Timestep) + phase;

    /// <summary>The sample in <paramref name="slot"/>; NaN when none was written or its chunk was freed.</summary>
    public float ValueAt(long slot)
    {
        if (slot < FirstSlot || slot > LastSlot)
        {
            return float.NaN;
        }

        var chunkIndex = TimeSlots.FloorDiv(slot, StoredSeries.ChunkLength);
        var position = chunkIndex - Table.FirstChunk;
        if (position < 0 || position >= Table.Chunks.Length)
        {
            return float.NaN;
        }

        var chunk = Volatile.Read(ref Table.Chunks[position]);
        return chunk is null ? float.NaN : chunk[slot - (chunkIndex * StoredSeries.ChunkLength)];
    }
}
