using Clusterdeck.Core.Archive;

namespace Clusterdeck.Core.Metrics.JobMetrics;

/// <summary>
/// Per-sample statistics across the series of one metric (cc-lib <c>JobMetric.AddStatisticsSeries</c>): for each
/// sample index the minimum, median and maximum of the series that have a value there. Like cc-lib, a sample with fewer
/// than three values is NaN in every statistic, samples past the shortest series are NaN, and no mean is computed.
/// Unlike cc-lib, a series' NaN is left out of the median instead of counting as 0.
/// </summary>
public static class StatisticsSeriesBuilder
{
    /// <summary>Fewest values at one sample index for its statistics to mean something.</summary>
    public const int MinimumValuesPerSample = 3;

    public static StatisticsSeries Build(IReadOnlyList<MetricSeries> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count == 0)
        {
            return new StatisticsSeries();
        }

        var longest = 0;
        var shortest = int.MaxValue;
        foreach (var one in series)
        {
            longest = Math.Max(longest, one.Data.Length);
            shortest = Math.Min(shortest, one.Data.Length);
        }

        var min = new float[longest];
        var median = new float[longest];
        var max = new float[longest];
        var values = new float[series.Count];
        for (var i = 0; i < longest; i++)
        {
            var count = 0;
            if (i < shortest)
            {
                foreach (var one in series)
                {
                    var value = one.Data[i];
                    if (!float.IsNaN(value))
                    {
                        values[count++] = value;
                    }
                }
            }

            if (count < MinimumValuesPerSample)
            {
                min[i] = median[i] = max[i] = float.NaN;
                continue;
            }

            var present = values.AsSpan(0, count);
            present.Sort();
            min[i] = present[0];
            max[i] = present[^1];
            median[i] = count % 2 == 1
                ? present[count / 2]
                : (float)((present[(count / 2) - 1] + (double)present[count / 2]) / 2);
        }

        return new StatisticsSeries { Min = min, Median = median, Max = max };
    }
}
