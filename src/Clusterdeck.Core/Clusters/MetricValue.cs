using System.Text.Json.Serialization;
using Clusterdeck.Core.Jobs;

namespace Clusterdeck.Core.Clusters;

/// <summary>A peak figure of a node (flop rate, memory bandwidth) with its unit.</summary>
public sealed record MetricValue
{
    [JsonPropertyName("unit")]
    public MetricUnit Unit { get; init; } = new();

    [JsonPropertyName("value")]
    public double Value { get; init; }
}
