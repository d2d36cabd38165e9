using System.Text.Json.Serialization;
using Clusterdeck.Core.Archive;

namespace Clusterdeck.Core.Metrics.Query;

/// <summary>
/// One series of a query result (cc-metric-store <c>ApiMetricData</c>). Missing samples are NaN (null on the wire);
/// statistics are null when there is no sample. <see cref="Error"/> is set instead of data when the series does not exist.
/// </summary>
public sealed record MetricQueryResult
{
    [JsonPropertyName("error")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Error { get; init; }

    [JsonPropertyName("data")]
    [JsonConverter(typeof(NullableFloatArrayConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public float[]? Data { get; init; }

    /// <summary>Unix seconds of the first sample.</summary>
    [JsonPropertyName("from")]
    public long From { get; init; }

    /// <summary>Unix seconds just after the last sample (<c>from + count × resolution</c>).</summary>
    [JsonPropertyName("to")]
    public long To { get; init; }

    /// <summary>Seconds between samples of <see cref="Data"/>.</summary>
    [JsonPropertyName("resolution")]
    public long Resolution { get; init; }

    [JsonPropertyName("avg")]
    public double? Avg { get; init; }

    [JsonPropertyName("min")]
    public double? Min { get; init; }

    [JsonPropertyName("max")]
    public double? Max { get; init; }
}
