using Clusterdeck.Core.Archive;
using Clusterdeck.Core.Jobs;
using Clusterdeck.Core.Metrics;

namespace Clusterdeck.Core.Tests.Metrics.Archiving;

public sealed class JobStatisticsAggregationTests
{
    [Theory]
    [InlineData(2.5, 2.5)]
    [InlineData(0.125, 0.13)] // 12.5 is exact: halves go away from zero, as Go's math.Round
    [InlineData(-0.125, -0.13)]
    [InlineData(1.005, 1.0)] // 1.005 is 1.00499999... in binary
    [InlineData(63.5749, 63.57)]
    [InlineData(1e300, 1e300)]
    public void RoundToHundredths_AsGoMathRound(double value, double expected) =>
        Assert.Equal(expected, MetricStatistics.RoundToHundredths(value));

    [Fact]
    public void PrepareForArchive_StatisticsGivenComputedOrMissing()
    {
        var data = new JobData
        {
            ["cpu_load"] = new(StringComparer.Ordinal)
            {
                [MetricScopes.Node] = new JobMetric
                {
                    Timestep = 60,
                    Series =
                    [
                        new MetricSeries { Hostname = "a", Statistics = new SeriesStatistics { Min = 1.234, Avg = 2.345, Max = 3.456 }, Data = [1, 2] },
                        new MetricSeries { Hostname = "b", Statistics = new SeriesStatistics { Min = double.NaN, Avg = 1, Max = 1 }, Data = [1, float.NaN, 2] },
                        new MetricSeries { Hostname = "c", Data = [float.NaN, float.NaN] },
                    ],
                },
            },
            ["ipc"] = new(StringComparer.Ordinal)
            {
                [MetricScopes.Node] = new JobMetric { Timestep = 60, Series = [new MetricSeries { Hostname = "c", Data = [] }] },
            },
        };
        var missing = new List<string>();

        var prepared = JobStatisticsAggregation.PrepareForArchive(data, missing);

        var series = prepared["cpu_load"][MetricScopes.Node].Series;
        Assert.Equal(["a", "b"], series.Select(s => s.Hostname));
        // Given statistics are rounded; ones that are not numbers are computed from the samples.
        Assert.Equal(new SeriesStatistics { Min = 1.23, Avg = 2.35, Max = 3.46 }, series[0].Statistics);
        Assert.Equal(new SeriesStatistics { Min = 1, Avg = 1.5, Max = 2 }, series[1].Statistics);
        Assert.False(prepared.ContainsKey("ipc"));
        Assert.Equal(["cpu_load/node: no samples for c", "ipc/node: no samples for c"], missing);
    }
}
