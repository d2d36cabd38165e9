namespace Clusterdeck.Http;

internal sealed record HealthResponse(string Status, string? Reason);
