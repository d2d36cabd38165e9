using System.Text.Json;

namespace Clusterdeck.Web.Components.Nodes;

/// <summary>A node's health details (cc-backend's <c>{"missing": [...], "degraded": [...]}</c>) as a line of text.</summary>
public static class NodeHealthText
{
    /// <summary><c>missing: flops_any, mem_bw; degraded: cpu_load</c>, or null when nothing is missing or degraded.</summary>
    public static string? Describe(string? healthMetrics)
    {
        if (string.IsNullOrWhiteSpace(healthMetrics))
        {
            return null;
        }

        try
        {
            var details = JsonSerializer.Deserialize<Dictionary<string, string[]?>>(healthMetrics);
            var parts = (details ?? [])
                .Where(d => d.Value is { Length: > 0 })
                .Select(d => $"{d.Key}: {string.Join(", ", d.Value!)}")
                .ToList();
            return parts.Count == 0 ? null : string.Join("; ", parts);
        }
        catch (JsonException)
        {
            // Rows taken over from cc-backend may hold anything; show it rather than nothing.
            return healthMetrics;
        }
    }
}
