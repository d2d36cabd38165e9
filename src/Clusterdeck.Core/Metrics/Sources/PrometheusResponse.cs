using System.Text.Json;
using System.Text.Json.Serialization;

namespace Clusterdeck.Core.Metrics.Sources;

/// <summary>The answer of Prometheus' <c>/api/v1/query_range</c>: a matrix of series, each with its labels and [time, "value"] pairs.</summary>
internal sealed record PrometheusResponse
{
    [JsonPropertyName("status")]
    public string Status { get; init; } = "";

    [JsonPropertyName("errorType")]
    public string? ErrorType { get; init; }

    [JsonPropertyName("error")]
    public string? Error { get; init; }

    [JsonPropertyName("data")]
    public PrometheusData? Data { get; init; }

    [JsonPropertyName("warnings")]
    public IReadOnlyList<string>? Warnings { get; init; }
}

internal sealed record PrometheusData
{
    [JsonPropertyName("resultType")]
    public string ResultType { get; init; } = "";

    [JsonPropertyName("result")]
    public IReadOnlyList<PrometheusSeries> Result { get; init; } = [];
}

internal sealed record PrometheusSeries
{
    [JsonPropertyName("metric")]
    public Dictionary<string, string> Metric { get; init; } = [];

    /// <summary>Pairs of [unix seconds (number), value (string, may be "NaN")].</summary>
    [JsonPropertyName("values")]
    public IReadOnlyList<JsonElement[]> Values { get; init; } = [];
}
