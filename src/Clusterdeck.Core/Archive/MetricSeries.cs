using System.Text.Json.Serialization;

namespace Clusterdeck.Core.Archive;

/// <summary>The samples of one host (and, below node scope, one socket/core/... id). Missing samples are NaN, written as null.</summary>
public sealed record MetricSeries
{
    [JsonPropertyName("hostname")]
    public string Hostname { get; init; } = "";

    [JsonPropertyName("id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Id { get; init; }

    /// <summary>Statistics over time; absent in some older archives, and then not written.</summary>
    [JsonPropertyName("statistics")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SeriesStatistics? Statistics { get; init; }

    [JsonPropertyName("data")]
    [JsonConverter(typeof(NullableFloatArrayConverter))]
    public float[] Data { get; init; } = [];
}
