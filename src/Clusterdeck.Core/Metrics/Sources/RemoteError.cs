using System.Text.Json.Serialization;

namespace Clusterdeck.Core.Metrics.Sources;

/// <summary>The error body of cc-metric-store and of cc-backend's routes (<c>{"status","error"}</c>), and of Prometheus (<c>{"status","errorType","error"}</c>).</summary>
internal sealed record RemoteError
{
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("error")]
    public string? Error { get; init; }
}
