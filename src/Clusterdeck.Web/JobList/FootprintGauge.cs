using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Jobs;

using Clusterdeck.Web.Components;

namespace Clusterdeck.Web.JobList;

/// <summary>
/// One bar of a job's footprint: the stored value of a footprint metric (<c>flops_any_avg</c>) against the metric's peak, rated
/// by its normal/caution/alert thresholds with ClusterCockpit's rule (its <c>JobFootprint</c> component):
/// <list type="bullet">
/// <item>higher is better: alert when 0 ≤ v ≤ alert, caution up to caution, normal up to normal, above normal up to peak,
/// implausible above the peak or below 0;</item>
/// <item>lower is better: alert when alert ≤ v ≤ peak, caution when caution ≤ v &lt; alert, normal when 0 ≤ v &lt; caution,
/// implausible above the peak or below 0.</item>
/// </list>
/// Thresholds are per node; a job that shares its nodes is judged against its share of a node (its hardware threads over
/// the node's), as ClusterCockpit does. ClusterCockpit rounds those scaled thresholds to whole numbers, which turns small
/// thresholds (a load of 0.5) into 0 or 1; they are kept exact here.
/// </summary>
public sealed record FootprintGauge(
    string Key,
    string Metric,
    string Statistic,
    double Value,
    FootprintThresholds Thresholds,
    string Unit,
    bool LowerIsBetter,
    FootprintRating Rating)
{
    /// <summary>The bar's fill: the value as a share of the peak, 0–100.</summary>
    public double Percent => Thresholds.Peak > 0 ? Math.Clamp(Value / Thresholds.Peak * 100, 0, 100) : 0;

    /// <summary>Bootstrap's colour name for the rating.</summary>
    public string Colour => Rating switch
    {
        FootprintRating.Alert => "danger",
        FootprintRating.Caution => "warning",
        FootprintRating.Normal => "success",
        FootprintRating.AboveNormal => "info",
        _ => "secondary",
    };

    public string Message => Rating switch
    {
        FootprintRating.Alert => LowerIsBetter ? "far above the expected range" : "far below the expected range",
        FootprintRating.Caution => LowerIsBetter ? "above the expected range" : "below the expected range",
        FootprintRating.Normal => "within the expected range",
        FootprintRating.AboveNormal => "above normal: check for measurement artefacts",
        _ => "outside 0 … peak: the measurement is not plausible",
    };

    public static FootprintRating Rate(double value, FootprintThresholds thresholds, bool lowerIsBetter)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        if (double.IsNaN(value) || value < 0 || value > thresholds.Peak)
        {
            return FootprintRating.Implausible;
        }

        if (lowerIsBetter)
        {
            return value >= thresholds.Alert ? FootprintRating.Alert
                : value >= thresholds.Caution ? FootprintRating.Caution
                : FootprintRating.Normal;
        }

        return value <= thresholds.Alert ? FootprintRating.Alert
            : value <= thresholds.Caution ? FootprintRating.Caution
            : value <= thresholds.Normal ? FootprintRating.Normal
            : FootprintRating.AboveNormal;
    }

    /// <summary>
    /// The bars of a job: its subcluster's footprint metrics (in metric-config order) that the job has a value for and the
    /// caller may see (<paramref name="seesRestricted"/> false hides metrics marked <c>restrict</c>).
    /// </summary>
    public static IReadOnlyList<FootprintGauge> For(Job job, IClusterCatalog catalog, bool seesRestricted)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(catalog);
        if (job.Footprint is not { Count: > 0 } values)
        {
            return [];
        }

        var footprint = catalog.FootprintFor(job.Cluster, job.SubCluster);
        if (footprint.Count == 0)
        {
            return [];
        }

        var configs = catalog.MetricConfigFor(job.Cluster, job.SubCluster, restrictedCaller: !seesRestricted);
        var share = NodeShare(job, catalog);
        var gauges = new List<FootprintGauge>(footprint.Count);
        foreach (var metric in footprint)
        {
            if (!values.TryGetValue(metric.Key, out var value) || configs.FirstOrDefault(c => c.Name == metric.Metric) is not { } config)
            {
                continue;
            }

            var thresholds = new FootprintThresholds(config.Peak * share, config.Normal * share, config.Caution * share, config.Alert * share);
            gauges.Add(new FootprintGauge(metric.Key, metric.Metric, metric.Statistic, value, thresholds, Format.Unit(config.Unit),
                config.LowerIsBetter, Rate(value, thresholds, config.LowerIsBetter)));
        }

        return gauges;
    }

    private static double NodeShare(Job job, IClusterCatalog catalog)
    {
        if (job.Shared == SharedModes.None || job.NumHwthreads <= 0)
        {
            return 1.0;
        }

        var threads = catalog.FindSubCluster(job.Cluster, job.SubCluster)?.Topology.Node.Count ?? 0;
        return threads > 0 ? Math.Min(1.0, (double)job.NumHwthreads / threads) : 1.0;
    }
}
