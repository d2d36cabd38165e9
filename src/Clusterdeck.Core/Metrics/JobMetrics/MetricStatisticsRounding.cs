using Clusterdeck.Core.Archive;
using Clusterdeck.Core.Jobs;

namespace Clusterdeck.Core.Metrics.JobMetrics;

/// <summary>Statistics as cc-backend answers them: two decimals (its <c>RoundMetricStats</c>).</summary>
public static class MetricStatisticsRounding
{
    public static SeriesStatistics Round(SeriesStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        return new SeriesStatistics
        {
            Min = MetricStatistics.RoundToHundredths(statistics.Min),
            Avg = MetricStatistics.RoundToHundredths(statistics.Avg),
            Max = MetricStatistics.RoundToHundredths(statistics.Max),
        };
    }

    /// <summary>Every entry rounded; entries whose statistics are not finite numbers are left out (JSON has no NaN).</summary>
    public static ScopedJobStatistics Round(ScopedJobStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var rounded = new ScopedJobStatistics();
        foreach (var (metric, scopes) in statistics)
        {
            var byScope = new Dictionary<string, List<ScopedStatistics>>(StringComparer.Ordinal);
            foreach (var (scope, entries) in scopes)
            {
                byScope[scope] = [.. entries.Where(e => IsFinite(e.Data)).Select(e => e with { Data = Round(e.Data) })];
            }

            rounded[metric] = byScope;
        }

        return rounded;
    }

    public static bool IsFinite(SeriesStatistics statistics) =>
        statistics is not null && double.IsFinite(statistics.Min) && double.IsFinite(statistics.Avg) && double.IsFinite(statistics.Max);
}
