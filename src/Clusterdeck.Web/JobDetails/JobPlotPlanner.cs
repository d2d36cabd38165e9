using System.Globalization;
using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Jobs;
using Clusterdeck.Core.Metrics;
using Clusterdeck.Web.Components;

namespace Clusterdeck.Web.JobDetails;

/// <summary>
/// Which plots the job view shows and at which scopes. An archived job shows the metrics its archive holds, at the scopes
/// stored there; a job whose data comes from the metric source (running, or not archived) shows every metric the caller
/// may see on its subcluster, at node scope and the finer CPU scopes down to the metric's native one (accelerator
/// metrics at node and accelerator scope).
/// </summary>
public static class JobPlotPlanner
{
    /// <summary>About this many samples per series in a plot before zooming; more would exceed the plot's pixels.</summary>
    public const int TargetSamples = 400;

    private static readonly string[] CpuScopes = [MetricScopes.Node, MetricScopes.Socket, MetricScopes.Core];

    /// <param name="job">The job, as the caller may see it.</param>
    /// <param name="metrics">The metric config of the job's subcluster as the caller may see it, in config order.</param>
    /// <param name="topology">The subcluster's topology, for thresholds below node scope.</param>
    /// <param name="storedScopes">For an archived job: metric → scopes its archive holds; null when data comes from the source.</param>
    /// <param name="elapsedSeconds">The job's run time so far (its duration once it stopped).</param>
    public static JobPlotPlan Plan(Job job, IReadOnlyList<MetricConfig> metrics, Topology? topology,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? storedScopes, long elapsedSeconds)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(metrics);
        var plots = new List<MetricPlotPlan>();
        var missing = new List<string>();
        var configured = metrics.DistinctBy(m => m.Name, StringComparer.Ordinal).ToDictionary(m => m.Name, StringComparer.Ordinal);
        IEnumerable<string> names = storedScopes is null
            ? configured.Keys
            : [.. configured.Keys.Where(storedScopes.ContainsKey), .. storedScopes.Keys.Where(k => !configured.ContainsKey(k)).Order(StringComparer.Ordinal)];
        foreach (var name in names)
        {
            var config = configured.GetValueOrDefault(name);
            var scopes = storedScopes is null
                ? OfferedScopes(config!.Scope)
                : [.. storedScopes[name].OrderBy(MetricScopes.Granularity)];
            if (scopes.Count == 0)
            {
                continue;
            }

            var resolution = Resolution(elapsedSeconds, config?.Timestep ?? 0);
            plots.Add(new MetricPlotPlan(name, Format.Unit(config?.Unit), [.. scopes.Select(scope => new ScopeOption(
                scope, Source(job.Id ?? 0, name, scope, resolution), config is null ? null : PlotThresholds.For(config, scope, topology)))]));
        }

        if (storedScopes is not null)
        {
            missing.AddRange(configured.Keys.Where(k => !storedScopes.ContainsKey(k)));
        }

        var plotted = plots.Select(p => p.Metric).ToHashSet(StringComparer.Ordinal);
        var roofline = plotted.Contains(Plots.JobRoofline.FlopsMetric) && plotted.Contains(Plots.JobRoofline.BandwidthMetric)
            ? Plots.JobRoofline.Source(job.Id ?? 0, Resolution(elapsedSeconds, configured.GetValueOrDefault(Plots.JobRoofline.FlopsMetric)?.Timestep ?? 0))
            : null;
        return new JobPlotPlan(plots, missing, roofline);
    }

    /// <summary>Node, then the CPU scopes down to the native one; accelerator metrics at node and accelerator scope.</summary>
    public static IReadOnlyList<string> OfferedScopes(string nativeScope)
    {
        if (nativeScope == MetricScopes.Accelerator)
        {
            return [MetricScopes.Node, MetricScopes.Accelerator];
        }

        var granularity = Math.Max(MetricScopes.Granularity(nativeScope), 0);
        return [.. CpuScopes.Where(s => MetricScopes.Granularity(s) <= granularity)];
    }

    /// <summary>
    /// The resolution (seconds) that gives about <see cref="TargetSamples"/> samples over the run time: a whole multiple of
    /// the timestep, or 0 (native) when the native data is not much longer than that.
    /// </summary>
    public static int Resolution(long elapsedSeconds, int timestep)
    {
        if (timestep <= 0 || elapsedSeconds <= 0)
        {
            return 0;
        }

        var steps = elapsedSeconds / timestep / TargetSamples;
        return steps >= 2 ? (int)Math.Min(steps * timestep, int.MaxValue / 2) : 0;
    }

    /// <summary>The plot-data endpoint of one metric at one scope (Plots/JobPlotDataEndpoints).</summary>
    public static string Source(long dbId, string metric, string scope, int resolution)
    {
        var path = string.Create(CultureInfo.InvariantCulture, $"/ui/data/jobs/{dbId}/metrics/{Uri.EscapeDataString(metric)}?scope={Uri.EscapeDataString(scope)}");
        return resolution > 0 ? string.Create(CultureInfo.InvariantCulture, $"{path}&resolution={resolution}") : path;
    }
}

/// <summary>The job view's plots, the configured metrics without data, and the roofline's data URL (null without flops_any and mem_bw).</summary>
public sealed record JobPlotPlan(IReadOnlyList<MetricPlotPlan> Plots, IReadOnlyList<string> MissingMetrics, string? RooflineSource);
