using System.Text.Json;
using System.Text.Json.Serialization;
using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Jobs;

namespace Clusterdeck.Web.JobDetails;

/// <summary>
/// The data of the job view's <c>&lt;cd-polar&gt;</c>: each footprint metric's job average, maximum and minimum as a
/// fraction of the metric's peak. The subcluster's footprint metrics when it names three or more; otherwise
/// ClusterCockpit's classic footprint (flops, memory bandwidth, load, memory, IPC), as far as the job has them.
/// </summary>
public static class PolarFootprint
{
    private static readonly string[] Classic = ["flops_any", "mem_bw", "cpu_load", "mem_used", "ipc"];

    public static IReadOnlyList<PolarEntry> Build(IReadOnlyDictionary<string, MetricStatistics> statistics, IReadOnlyList<MetricConfig> metrics, IReadOnlyList<string> footprint)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(footprint);
        var configs = metrics.DistinctBy(m => m.Name, StringComparer.Ordinal).ToDictionary(m => m.Name, StringComparer.Ordinal);
        var names = footprint.Count(statistics.ContainsKey) >= 3 ? footprint : Classic;
        return [.. names
            .Where(n => statistics.ContainsKey(n) && configs.TryGetValue(n, out var c) && c.Peak > 0)
            .Select(n => new PolarEntry(n, Share(statistics[n].Avg, configs[n].Peak), Share(statistics[n].Max, configs[n].Peak), Share(statistics[n].Min, configs[n].Peak)))];
    }

    /// <summary>The entries as the element's <c>data</c> attribute.</summary>
    public static string ToJson(IReadOnlyList<PolarEntry> entries) => JsonSerializer.Serialize(entries);

    private static double Share(double value, double peak) => double.IsFinite(value) ? Math.Round(Math.Clamp(value / peak, 0, 1), 3) : 0;
}

/// <summary>One axis of the polar plot: values relative to the metric's peak, 0 to 1.</summary>
public sealed record PolarEntry(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("avg")] double Avg,
    [property: JsonPropertyName("max")] double Max,
    [property: JsonPropertyName("min")] double Min);
