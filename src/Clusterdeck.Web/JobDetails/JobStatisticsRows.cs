using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Jobs;
using Clusterdeck.Web.Components;

namespace Clusterdeck.Web.JobDetails;

/// <summary>The statistics table's rows: the configured metrics first, in config order, then any others by name.</summary>
public static class JobStatisticsRows
{
    public static IReadOnlyList<StatisticsRow> Build(IReadOnlyDictionary<string, MetricStatistics> statistics, IReadOnlyList<MetricConfig> metrics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        ArgumentNullException.ThrowIfNull(metrics);
        var order = metrics.Select((m, i) => (m.Name, i)).DistinctBy(p => p.Name, StringComparer.Ordinal).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        var configs = metrics.DistinctBy(m => m.Name, StringComparer.Ordinal).ToDictionary(m => m.Name, StringComparer.Ordinal);
        return [.. statistics
            .OrderBy(s => order.GetValueOrDefault(s.Key, int.MaxValue))
            .ThenBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => new StatisticsRow(s.Key, Format.Unit(s.Value.Unit), s.Value.Min, s.Value.Avg, s.Value.Max,
                configs.TryGetValue(s.Key, out var config) ? Judge(s.Value.Avg, config) : ThresholdLevel.None))];
    }

    /// <summary>cc-backend's rule: past alert is alert, past caution is caution; lower is worse when alert &lt; caution.</summary>
    public static ThresholdLevel Judge(double value, MetricConfig metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (double.IsNaN(value) || (metric.Caution == 0 && metric.Alert == 0))
        {
            return ThresholdLevel.None;
        }

        Func<double, double, bool> worse = metric.Alert < metric.Caution ? (a, b) => a <= b : (a, b) => a >= b;
        return worse(value, metric.Alert) ? ThresholdLevel.Alert
            : worse(value, metric.Caution) ? ThresholdLevel.Caution
            : ThresholdLevel.Normal;
    }
}
