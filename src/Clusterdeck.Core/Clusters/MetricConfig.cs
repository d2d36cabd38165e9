using System.Text.Json.Serialization;
using Clusterdeck.Core.Jobs;

namespace Clusterdeck.Core.Clusters;

/// <summary>
/// How a metric is measured and judged on a cluster (cc-lib <c>schema.MetricConfig</c>), with optional
/// per-subcluster overrides. Property order follows cc-backend's JSON output.
/// </summary>
public sealed record MetricConfig
{
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    [JsonPropertyName("unit")]
    public MetricUnit Unit { get; init; } = new();

    [JsonPropertyName("peak")]
    public double Peak { get; init; }

    [JsonPropertyName("normal")]
    public double Normal { get; init; }

    [JsonPropertyName("caution")]
    public double Caution { get; init; }

    [JsonPropertyName("alert")]
    public double Alert { get; init; }

    /// <summary><c>power</c> or <c>energy</c> when the metric counts towards the job's energy; empty otherwise.</summary>
    [JsonPropertyName("energy")]
    public string Energy { get; init; } = "";

    /// <summary>Native resolution: <c>node</c>, <c>socket</c>, <c>memoryDomain</c>, <c>core</c>, <c>hwthread</c> or <c>accelerator</c>.</summary>
    [JsonPropertyName("scope")]
    public string Scope { get; init; } = "";

    /// <summary><c>sum</c> or <c>avg</c>.</summary>
    [JsonPropertyName("aggregation")]
    public string Aggregation { get; init; } = "";

    /// <summary>The statistic used for the job footprint (<c>avg</c>, <c>min</c>, <c>max</c>); empty when not a footprint metric.</summary>
    [JsonPropertyName("footprint")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public string? Footprint { get; init; }

    [JsonPropertyName("subClusters")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<SubClusterMetricConfig>? SubClusters { get; init; }

    /// <summary>Seconds between samples.</summary>
    [JsonPropertyName("timestep")]
    public int Timestep { get; init; }

    /// <summary>Hidden from callers whose only role is <c>user</c>.</summary>
    [JsonPropertyName("restrict")]
    public bool Restrict { get; init; }

    [JsonPropertyName("lowerIsBetter")]
    public bool LowerIsBetter { get; init; }
}
