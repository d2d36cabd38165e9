using System.Text.Json.Serialization;

namespace Clusterdeck.Core.Metrics.Query;

/// <summary>
/// One query of a <see cref="MetricQueryRequest"/>: a metric on a host, optionally narrowed to scope ids.
/// Without <see cref="Type"/> it reads the host's node-level series (the sum or average of everything below it, per
/// the metric's aggregation). With <see cref="Type"/> and <see cref="Aggregate"/> it answers one series over all
/// <see cref="TypeIds"/>; without <see cref="Aggregate"/>, one series per type id.
/// </summary>
public sealed record MetricQuery
{
    [JsonPropertyName("metric")]
    public string Metric { get; init; } = "";

    [JsonPropertyName("host")]
    public string Host { get; init; } = "";

    /// <summary>The scope of the selected ids: <c>hwthread</c>, <c>core</c>, <c>socket</c>, <c>memoryDomain</c>, <c>accelerator</c>.</summary>
    [JsonPropertyName("type")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Type { get; init; }

    [JsonPropertyName("type-ids")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? TypeIds { get; init; }

    [JsonPropertyName("subtype")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SubType { get; init; }

    [JsonPropertyName("subtype-ids")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? SubTypeIds { get; init; }

    [JsonPropertyName("aggreg")]
    public bool Aggregate { get; init; }

    /// <summary>Requested seconds between samples; 0 or less than the native timestep means native resolution.</summary>
    [JsonPropertyName("resolution")]
    public long Resolution { get; init; }

    /// <summary>Multiplies data and statistics; 0 means 1.</summary>
    [JsonPropertyName("scale-by")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public double ScaleBy { get; init; }
}
