using System.Text.Json.Serialization;

namespace Clusterdeck.Core.Archive;

/// <summary>Per-sample statistics across all series of a metric (min, max, mean, median, percentiles).</summary>
public sealed record StatisticsSeries
{
    [JsonPropertyName("mean")]
    [JsonConverter(typeof(NullableFloatArrayConverter))]
    public float[] Mean { get; init; } = [];

    [JsonPropertyName("median")]
    [JsonConverter(typeof(NullableFloatArrayConverter))]
    public float[] Median { get; init; } = [];

    [JsonPropertyName("min")]
    [JsonConverter(typeof(NullableFloatArrayConverter))]
    public float[] Min { get; init; } = [];

    [JsonPropertyName("max")]
    [JsonConverter(typeof(NullableFloatArrayConverter))]
    public float[] Max { get; init; } = [];

    /// <summary>Keyed by percentile (10, 25, 50, ...).</summary>
    [JsonPropertyName("percentiles")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, float[]>? Percentiles { get; init; }
}
