using System.Text.Json.Serialization;

namespace Clusterdeck.Core.Clusters;

/// <summary>An accelerator device of a node: its id as jobs name it, its type (<c>Nvidia GPU</c>, ...) and model.</summary>
public sealed record Accelerator
{
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    [JsonPropertyName("type")]
    public string Type { get; init; } = "";

    [JsonPropertyName("model")]
    public string Model { get; init; } = "";
}
