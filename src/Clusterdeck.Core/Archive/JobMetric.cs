using System.Text.Json.Serialization;
using Clusterdeck.Core.Jobs;

namespace Clusterdeck.Core.Archive;

/// <summary>One metric at one scope: its unit, sampling interval and a series per host (and per socket, core, ... id).</summary>
public sealed record JobMetric
{
    [JsonPropertyName("unit")]
    public MetricUnit Unit { get; init; } = new();

    /// <summary>Seconds between samples.</summary>
    [JsonPropertyName("timestep")]
    public int Timestep { get; init; }

    [JsonPropertyName("series")]
    public IReadOnlyList<MetricSeries> Series { get; init; } = [];

    [JsonPropertyName("statisticsSeries")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public StatisticsSeries? StatisticsSeries { get; init; }
}
