using System.Text.Json.Serialization;

namespace Clusterdeck.Core.Jobs;

/// <summary>A metric's statistics over a whole job, as in <c>meta.json</c>'s <c>statistics</c>.</summary>
public sealed record MetricStatistics
{
    [JsonPropertyName("unit")]
    public MetricUnit Unit { get; init; } = new();

    [JsonPropertyName("avg")]
    public double Avg { get; init; }

    [JsonPropertyName("min")]
    public double Min { get; init; }

    [JsonPropertyName("max")]
    public double Max { get; init; }
}
