using Clusterdeck.Core.Archive;

namespace Clusterdeck.Core.Metrics.JobMetrics;

/// <summary>Statistics as cc-backend answers them: two decimals (its <c>RoundMetricStats</c>), and computed from the samples where a file lacks them.</summary>
public static class MetricStatisticsRounding
{
    public static double Round(double value) => Math.Round(value * 100) / 100;

    public static SeriesStatistics Round(SeriesStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        return new SeriesStatistics { Min = Round(statistics.Min), Avg = Round(statistics.Avg), Max = Round(statistics.Max) };
    }

    /// <summary>Minimum, average and maximum of the samples that are not NaN; null when there are none.</summary>
    public static SeriesStatistics? Compute(float[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var count = 0;
        var sum = 0.0;
        var min = double.MaxValue;
        var max = double.MinValue;
        foreach (var sample in data)
        {
            if (float.IsNaN(sample))
            {
                continue;
            }

            count++;
            sum += sample;
            min = Math.Min(min, sample);
            max = Math.Max(max, sample);
        }

        return count == 0 ? null : new SeriesStatistics { Min = min, Avg = sum / count, Max = max };
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
