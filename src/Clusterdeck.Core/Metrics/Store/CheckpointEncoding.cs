using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace Clusterdeck.Core.Metrics.Store;

/// <summary>
/// The binary pieces of checkpoint files. Strings are written as <see cref="BinaryWriter"/> writes them (7-bit
/// encoded length, UTF-8) so <see cref="BinaryReader"/> reads them back; an optional string has a presence byte first.
/// </summary>
internal static class CheckpointEncoding
{
    /// <summary>A fast 64-bit checksum of a log record, to find a torn or garbage tail; not a cryptographic hash.</summary>
    public static ulong Checksum(ReadOnlySpan<byte> data)
    {
        const ulong Prime = 0x100000001B3;
        var hash = 0xCBF29CE484222325UL ^ (ulong)data.Length;
        while (data.Length >= 8)
        {
            hash = BitOperations.RotateLeft((hash ^ BinaryPrimitives.ReadUInt64LittleEndian(data)) * Prime, 29);
            data = data[8..];
        }

        foreach (var b in data)
        {
            hash = (hash ^ b) * Prime;
        }

        return hash ^ (hash >> 31);
    }

    public static int MaxIdentityBytes(SeriesIdentity identity) =>
        (7 * 6) + 7 + Encoding.UTF8.GetMaxByteCount(
            identity.Cluster.Length + identity.Host.Length + identity.Metric.Length + (identity.Type?.Length ?? 0)
            + (identity.TypeId?.Length ?? 0) + (identity.SubType?.Length ?? 0) + (identity.SubTypeId?.Length ?? 0));

    public static int WriteIdentity(Span<byte> buffer, SeriesIdentity identity)
    {
        var position = 0;
        position += WriteString(buffer[position..], identity.Cluster);
        position += WriteString(buffer[position..], identity.Host);
        position += WriteString(buffer[position..], identity.Metric);
        position += WriteOptional(buffer[position..], identity.Type);
        position += WriteOptional(buffer[position..], identity.TypeId);
        position += WriteOptional(buffer[position..], identity.SubType);
        position += WriteOptional(buffer[position..], identity.SubTypeId);
        return position;
    }

    public static void WriteIdentity(BinaryWriter writer, SeriesIdentity identity)
    {
        writer.Write(identity.Cluster);
        writer.Write(identity.Host);
        writer.Write(identity.Metric);
        WriteOptional(writer, identity.Type);
        WriteOptional(writer, identity.TypeId);
        WriteOptional(writer, identity.SubType);
        WriteOptional(writer, identity.SubTypeId);
    }

    public static SeriesIdentity ReadIdentity(BinaryReader reader) => new(
        reader.ReadString(), reader.ReadString(), reader.ReadString(),
        ReadOptional(reader), ReadOptional(reader), ReadOptional(reader), ReadOptional(reader));

    private static int WriteOptional(Span<byte> buffer, string? value)
    {
        buffer[0] = value is null ? (byte)0 : (byte)1;
        return value is null ? 1 : 1 + WriteString(buffer[1..], value);
    }

    private static void WriteOptional(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    private static string? ReadOptional(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;

    private static int WriteString(Span<byte> buffer, string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        var position = 0;
        var remaining = (uint)length;
        while (remaining >= 0x80)
        {
            buffer[position++] = (byte)(remaining | 0x80);
            remaining >>= 7;
        }

        buffer[position++] = (byte)remaining;
        return position + Encoding.UTF8.GetBytes(value, buffer[position..]);
    }
}
