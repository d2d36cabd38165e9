namespace Clusterdeck.Core.Metrics.Store;

/// <summary>Chunk <c>i</c> of <see cref="Chunks"/> holds slots <c>(FirstChunk + i) × ChunkLength</c> onwards; null entries hold nothing.</summary>
internal sealed class ChunkTable(long firstChunk, float[]?[] chunks)
{
    public static ChunkTable Empty { get; } = new(0, []);

    public long FirstChunk { get; } = firstChunk;

    public float[]?[] Chunks { get; } = chunks;
}
