using System.Text.Json.Serialization;
using Clusterdeck.Core.Jobs;

namespace Clusterdeck.Core.Clusters;

/// <summary>
/// A subcluster's override of a metric. Absent fields keep the cluster-wide value (cc-backend copies the
/// zero value instead; every reference configuration states each overridden field, so both agree there).
/// </summary>
public sealed record SubClusterMetricConfig
{
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    [JsonPropertyName("unit")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public MetricUnit? Unit { get; init; }

    [JsonPropertyName("peak")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Peak { get; init; }

    [JsonPropertyName("normal")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Normal { get; init; }

    [JsonPropertyName("caution")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Caution { get; init; }

    [JsonPropertyName("alert")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Alert { get; init; }

    [JsonPropertyName("footprint")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Footprint { get; init; }

    [JsonPropertyName("energy")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Energy { get; init; }

    [JsonPropertyName("lowerIsBetter")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? LowerIsBetter { get; init; }

    [JsonPropertyName("restrict")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Restrict { get; init; }

    /// <summary>The metric does not exist on this subcluster.</summary>
    [JsonPropertyName("remove")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Remove { get; init; }
}
