using System.Buffers.Binary;
using System.Numerics;

namespace Clusterdeck.Core.Metrics.Store;

/// <summary>Compares raw series texts (measurement and tags as sent), and lets a span look them up without a copy.</summary>
internal sealed class SeriesKeyComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
{
    public static SeriesKeyComparer Instance { get; } = new();

    public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

    public int GetHashCode(byte[] obj) => Hash(obj);

    public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

    public int GetHashCode(ReadOnlySpan<byte> alternate) => Hash(alternate);

    public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();

    /// <summary>
    /// Eight bytes per step (HashCode.AddBytes takes four at a time and costs several times more on these ~60-byte keys).
    /// Not seeded: the keys come from authenticated collectors, so flooding one bucket is not a threat worth the cost.
    /// </summary>
    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        const ulong Multiplier = 0x9E3779B97F4A7C15;
        var hash = (ulong)bytes.Length * Multiplier;
        while (bytes.Length >= 8)
        {
            hash = BitOperations.RotateLeft((hash ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes)) * Multiplier, 27);
            bytes = bytes[8..];
        }

        if (bytes.Length > 0)
        {
            Span<byte> tail = stackalloc byte[8];
            tail.Clear();
            bytes.CopyTo(tail);
            hash = BitOperations.RotateLeft((hash ^ BinaryPrimitives.ReadUInt64LittleEndian(tail)) * Multiplier, 27);
        }

        hash ^= hash >> 32;
        return (int)hash;
    }
}
