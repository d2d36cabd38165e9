using System.Text.Json;
using System.Text.Json.Serialization;

namespace Clusterdeck.Core.Archive;

/// <summary>Metric samples as cc-backend writes them: numbers, with <c>null</c> for a missing sample (NaN in memory).</summary>
public sealed class NullableFloatArrayConverter : JsonConverter<float[]>
{
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

    public override void Write(Utf8JsonWriter writer, float[] value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var sample in value)
        {
            if (float.IsFinite(sample))
            {
                writer.WriteNumberValue(sample);
            }
            else
            {
                writer.WriteNullValue();
            }
        }

        writer.WriteEndArray();
    }
}
