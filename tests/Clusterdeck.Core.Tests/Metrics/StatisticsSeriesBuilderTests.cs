using Clusterdeck.Core.Archive;
using Clusterdeck.Core.Metrics.JobMetrics;

namespace Clusterdeck.Core.Tests.Metrics;

public sealed class StatisticsSeriesBuilderTests
{
    private static MetricSeries Series(params float[] data) => new() { Hostname = "h", Data = data };

    [Fact]
    public void Build_FourSeries_MinMedianMaxPerSample()
    {
        var statistics = StatisticsSeriesBuilder.Build([Series(1, 10), Series(4, 20), Series(2, 30), Series(8, 40)]);

        Assert.Equal([1f, 10], statistics.Min);
        Assert.Equal([3f, 25], statistics.Median);
        Assert.Equal([8f, 40], statistics.Max);
        Assert.Empty(statistics.Mean);
    }

    [Fact]
    public void Build_OddCount_MedianIsTheMiddleValue()
    {
        var statistics = StatisticsSeriesBuilder.Build([Series(5), Series(1), Series(3)]);

        Assert.Equal([3f], statistics.Median);
    }

    [Fact]
    public void Build_GapsLeftOut_FewerThanThreeValuesIsNaN()
    {
        var statistics = StatisticsSeriesBuilder.Build([Series(1, float.NaN), Series(2, 5), Series(3, float.NaN), Series(100, 6)]);

        // Sample 0: values 1, 2, 3, 100; sample 1: only 5 and 6.
        Assert.Equal(2.5f, statistics.Median[0]);
        Assert.Equal(100f, statistics.Max[0]);
        Assert.True(float.IsNaN(statistics.Min[1]));
        Assert.True(float.IsNaN(statistics.Median[1]));
        Assert.True(float.IsNaN(statistics.Max[1]));
    }

    [Fact]
    public void Build_MedianIgnoresGapsInsteadOfCountingThemAsZero()
    {
        var statistics = StatisticsSeriesBuilder.Build([Series(7), Series(8), Series(9), Series(float.NaN), Series(float.NaN)]);

        Assert.Equal(8f, statistics.Median[0]);
        Assert.Equal(7f, statistics.Min[0]);
    }

    [Fact]
    public void Build_UnequalLengths_SamplesPastTheShortestAreNaN()
    {
        var statistics = StatisticsSeriesBuilder.Build([Series(1, 2, 3), Series(1, 2), Series(1, 2, 3)]);

        Assert.Equal(3, statistics.Max.Length);
        Assert.Equal(2f, statistics.Max[1]);
        Assert.True(float.IsNaN(statistics.Max[2]));
    }
}
