using System.Text.Json.Serialization;
using Clusterdeck.Core.Nodes;

namespace Clusterdeck.Http;

/// <summary>cc-backend's <c>api.UpdateNodeStatesRequest</c>: a cluster and its nodes' states.</summary>
internal sealed record CcNodeStatesRequest(
    [property: JsonPropertyName("cluster")] string? Cluster,
    [property: JsonPropertyName("nodes")] IReadOnlyList<CcNodePayload?>? Nodes);

/// <summary>
/// cc-lib's <c>schema.NodePayload</c>. Go leaves a field that is null or absent at zero, so these are nullable here and
/// read as zero; a value of the wrong type or out of range is still an error, as in Go.
/// </summary>
internal sealed record CcNodePayload(
    [property: JsonPropertyName("hostname")] string? Hostname,
    [property: JsonPropertyName("states")] IReadOnlyList<string>? States,
    [property: JsonPropertyName("cpusAllocated")] int? CpusAllocated,
    [property: JsonPropertyName("memoryAllocated")] long? MemoryAllocated,
    [property: JsonPropertyName("gpusAllocated")] int? GpusAllocated,
    [property: JsonPropertyName("jobsRunning")] int? JobsRunning)
{
    public NodeStateReport ToReport() =>
        new(Hostname ?? "", States ?? [], CpusAllocated ?? 0, MemoryAllocated ?? 0, GpusAllocated ?? 0, JobsRunning ?? 0);
}
