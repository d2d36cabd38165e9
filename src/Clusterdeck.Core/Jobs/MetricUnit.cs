using System.Text.Json.Serialization;

namespace Clusterdeck.Core.Jobs;

/// <summary>A unit as cc-backend writes it: base (<c>F/s</c>) and optional SI prefix (<c>G</c>).</summary>
public sealed record MetricUnit
{
    [JsonPropertyName("base")]
    public string Base { get; init; } = "";

    [JsonPropertyName("prefix")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Prefix { get; init; }
}
