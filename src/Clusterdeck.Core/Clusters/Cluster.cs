using System.Text.Json.Serialization;

namespace Clusterdeck.Core.Clusters;

/// <summary>
/// A cluster as its archive <c>cluster.json</c> describes it (cc-lib <c>schema.Cluster</c>). The catalog fills each
/// subcluster's derived <see cref="SubCluster.MetricConfig"/>, <see cref="SubCluster.Footprint"/> and
/// <see cref="SubCluster.EnergyFootprint"/> after loading, as cc-backend does before serving it.
/// </summary>
public sealed record Cluster
{
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    [JsonPropertyName("metricConfig")]
    public IReadOnlyList<MetricConfig> MetricConfig { get; init; } = [];

    [JsonPropertyName("subClusters")]
    public IReadOnlyList<SubCluster> SubClusters { get; init; } = [];
}
