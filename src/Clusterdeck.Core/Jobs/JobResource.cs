using System.Text.Json.Serialization;

namespace Clusterdeck.Core.Jobs;

/// <summary>A node a job ran on, with the hardware threads and accelerators it had there.</summary>
public sealed record JobResource
{
    [JsonPropertyName("hostname")]
    public string Hostname { get; init; } = "";

    [JsonPropertyName("hwthreads")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<int>? HwThreads { get; init; }

    [JsonPropertyName("accelerators")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Accelerators { get; init; }

    [JsonPropertyName("configuration")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Configuration { get; init; }
}
