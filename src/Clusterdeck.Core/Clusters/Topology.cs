using System.Text.Json.Serialization;

namespace Clusterdeck.Core.Clusters;

/// <summary>A node's hardware threads grouped by socket, memory domain, die and core, and its accelerators.</summary>
public sealed record Topology
{
    [JsonPropertyName("node")]
    public IReadOnlyList<int> Node { get; init; } = [];

    [JsonPropertyName("socket")]
    public IReadOnlyList<IReadOnlyList<int>> Socket { get; init; } = [];

    [JsonPropertyName("memoryDomain")]
    public IReadOnlyList<IReadOnlyList<int>> MemoryDomain { get; init; } = [];

    [JsonPropertyName("die")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<IReadOnlyList<int>>? Die { get; init; }

    [JsonPropertyName("core")]
    public IReadOnlyList<IReadOnlyList<int>> Core { get; init; } = [];

    [JsonPropertyName("accelerators")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Accelerator>? Accelerators { get; init; }
}
