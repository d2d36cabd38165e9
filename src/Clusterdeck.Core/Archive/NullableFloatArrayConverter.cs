using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Clusterdeck.Core.Archive;

/// <summary>
/// Metric samples as cc-backend writes them (cc-lib <c>schema.Float</c>): numbers with exactly two decimals
/// (<c>18.70</c>, Go's <c>strconv.AppendFloat(f, 'f', 2, 64)</c>) and <c>null</c> for a missing sample (NaN in
/// memory; infinities too, which JSON cannot hold). Reading is lenient: any JSON number or null.
/// </summary>
public sealed class NullableFloatArrayConverter : JsonConverter<float[]>
{
    // The longest sample text: '-', 39 integer digits of float.MaxValue, '.', two decimals, and the comma after it.
    private const int MaxSampleBytes = 44;

    // Beyond this the scaled value no longer fits a long; such samples take the general formatter.
    private const double MaxScaled = 9e18;

    public override float[] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return [];
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("metric data must be an array of numbers");
        }

        var values = new List<float>(1024);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            values.Add(reader.TokenType switch
            {
                JsonTokenType.Null => float.NaN,
                // Values beyond float's range become infinities in float.Parse; keep them as such.
                JsonTokenType.Number => reader.TryGetSingle(out var value) ? value : (float)reader.GetDouble(),
                _ => throw new JsonException($"metric data holds a {reader.TokenType}, expected a number or null"),
            });
        }

        return [.. values];
    }

    /// <summary>The whole array as one raw value: formatting each sample through the writer costs several times more.</summary>
    public override void Write(Utf8JsonWriter writer, float[] value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        var buffer = ArrayPool<byte>.Shared.Rent(2 + (value.Length * MaxSampleBytes));
        try
        {
            var length = Format(value, buffer);
            writer.WriteRawValue(buffer.AsSpan(0, length), skipInputValidation: true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Writes <c>[s0,s1,...]</c> into <paramref name="destination"/> (at least 2 + 44 bytes per sample) and returns the length.</summary>
    internal static int Format(ReadOnlySpan<float> samples, Span<byte> destination)
    {
        var position = 0;
        destination[position++] = (byte)'[';
        for (var i = 0; i < samples.Length; i++)
        {
            if (i > 0)
            {
                destination[position++] = (byte)',';
            }

            position += FormatSample(samples[i], destination[position..]);
        }

        destination[position++] = (byte)']';
        return position;
    }

    /// <summary>
    /// One sample with two decimals, rounded as Go rounds it: to the nearest, ties to even, on the exact binary value.
    /// A float has 24 significant bits and 100 needs 7, so <c>sample × 100</c> is exact in a double and
    /// <see cref="Math.Round(double, MidpointRounding)"/> with <see cref="MidpointRounding.ToEven"/> rounds it exactly
    /// as Go's decimal conversion does. The sign survives rounding to zero (<c>-0.00</c>), as in Go.
    /// </summary>
    private static int FormatSample(float sample, Span<byte> destination)
    {
        if (!float.IsFinite(sample))
        {
            "null"u8.CopyTo(destination);
            return 4;
        }

        var scaled = Math.Round(sample * 100.0, MidpointRounding.ToEven);
        if (Math.Abs(scaled) >= MaxScaled)
        {
            ((double)sample).TryFormat(destination, out var written, "F2", CultureInfo.InvariantCulture);
            return written;
        }

        var position = 0;
        if (float.IsNegative(sample))
        {
            destination[position++] = (byte)'-';
        }

        var hundredths = (long)Math.Abs(scaled);
        var whole = hundredths / 100;
        var fraction = (int)(hundredths - (whole * 100));
        whole.TryFormat(destination[position..], out var digits, default, CultureInfo.InvariantCulture);
        position += digits;
        destination[position++] = (byte)'.';
        destination[position++] = (byte)('0' + (fraction / 10));
        destination[position++] = (byte)('0' + (fraction % 10));
        return position;
    }
}
