using System.Text.Json.Serialization;

namespace Clusterdeck.Core.Clusters;

/// <summary>A homogeneous partition of a cluster: its nodes (a <see cref="NodeList"/> expression) and their hardware.</summary>
public sealed record SubCluster
{
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>Node-list expression, e.g. <c>f[0101-0188,0201-0288]</c>; <c>*</c> means every node.</summary>
    [JsonPropertyName("nodes")]
    public string Nodes { get; init; } = "";

    [JsonPropertyName("processorType")]
    public string ProcessorType { get; init; } = "";

    [JsonPropertyName("topology")]
    public Topology Topology { get; init; } = new();

    [JsonPropertyName("flopRateScalar")]
    public MetricValue FlopRateScalar { get; init; } = new();

    [JsonPropertyName("flopRateSimd")]
    public MetricValue FlopRateSimd { get; init; } = new();

    [JsonPropertyName("memoryBandwidth")]
    public MetricValue MemoryBandwidth { get; init; } = new();

    /// <summary>Derived: the cluster's metric config with this subcluster's overrides applied and removed metrics left out.</summary>
    [JsonPropertyName("metricConfig")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<MetricConfig>? MetricConfig { get; init; }

    /// <summary>Derived: names of the metrics with a footprint statistic here, in metric-config order.</summary>
    [JsonPropertyName("footprint")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Footprint { get; init; }

    /// <summary>Derived: names of the metrics used for the job's energy here (<c>energy</c> set), in metric-config order.</summary>
    [JsonPropertyName("energyFootprint")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? EnergyFootprint { get; init; }

    [JsonPropertyName("socketsPerNode")]
    public int SocketsPerNode { get; init; }

    [JsonPropertyName("coresPerSocket")]
    public int CoresPerSocket { get; init; }

    [JsonPropertyName("threadsPerCore")]
    public int ThreadsPerCore { get; init; }
}
