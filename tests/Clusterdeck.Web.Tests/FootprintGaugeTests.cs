using Clusterdeck.Core.Jobs;
using Clusterdeck.Web.JobList;

namespace Clusterdeck.Web.Tests;

public sealed class FootprintGaugeTests
{
    private static readonly FootprintThresholds Load = new(Peak: 8, Normal: 4, Caution: 1, Alert: 0.5);
    private static readonly FootprintThresholds Memory = new(Peak: 32, Normal: 16, Caution: 24, Alert: 30);

    [Theory]
    [InlineData(0.0, FootprintRating.Alert)]
    [InlineData(0.5, FootprintRating.Alert)]
    [InlineData(0.8, FootprintRating.Caution)]
    [InlineData(1.0, FootprintRating.Caution)]
    [InlineData(2.0, FootprintRating.Normal)]
    [InlineData(4.0, FootprintRating.Normal)]
    [InlineData(6.0, FootprintRating.AboveNormal)]
    [InlineData(8.0, FootprintRating.AboveNormal)]
    [InlineData(8.5, FootprintRating.Implausible)]
    [InlineData(-1.0, FootprintRating.Implausible)]
    public void Rate_HigherIsBetter_LowValuesAreAlerts(double value, FootprintRating expected) =>
        Assert.Equal(expected, FootprintGauge.Rate(value, Load, lowerIsBetter: false));

    [Theory]
    [InlineData(0.0, FootprintRating.Normal)]
    [InlineData(16.0, FootprintRating.Normal)]
    [InlineData(23.9, FootprintRating.Normal)]
    [InlineData(24.0, FootprintRating.Caution)]
    [InlineData(29.9, FootprintRating.Caution)]
    [InlineData(30.0, FootprintRating.Alert)]
    [InlineData(32.0, FootprintRating.Alert)]
    [InlineData(33.0, FootprintRating.Implausible)]
    [InlineData(double.NaN, FootprintRating.Implausible)]
    public void Rate_LowerIsBetter_HighValuesAreAlerts(double value, FootprintRating expected) =>
        Assert.Equal(expected, FootprintGauge.Rate(value, Memory, lowerIsBetter: true));

    [Fact]
    public void For_ExclusiveJob_OneGaugePerFootprintMetricInConfigOrder()
    {
        var job = Job(new() { ["mem_used_max"] = 31, ["load_one_avg"] = 3, ["secret_watts_avg"] = 120 });

        var gauges = FootprintGauge.For(job, TestClusters.Catalog(), seesRestricted: true);

        Assert.Equal(["load_one_avg", "mem_used_max", "secret_watts_avg"], gauges.Select(g => g.Key));
        var memory = gauges[1];
        Assert.Equal(("mem_used", "max", "GB", true), (memory.Metric, memory.Statistic, memory.Unit, memory.LowerIsBetter));
        Assert.Equal(FootprintRating.Alert, memory.Rating);
        Assert.Equal("danger", memory.Colour);
        Assert.Equal(31.0 / 32 * 100, memory.Percent, 6);
        Assert.Equal(("success", FootprintRating.Normal), (gauges[0].Colour, gauges[0].Rating));
    }

    [Fact]
    public void For_PlainUser_DoesNotSeeRestrictedMetrics()
    {
        var job = Job(new() { ["load_one_avg"] = 3, ["secret_watts_avg"] = 120 });

        var gauges = FootprintGauge.For(job, TestClusters.Catalog(), seesRestricted: false);

        Assert.Equal(["load_one_avg"], gauges.Select(g => g.Key));
    }

    [Fact]
    public void For_SharedJob_JudgedAgainstItsShareOfTheNode()
    {
        // 2 of the node's 8 hardware threads: a load of 0.8 is a full share (peak 2, normal 1, caution 0.25, alert 0.125).
        var job = Job(new() { ["load_one_avg"] = 0.8 }) with { Shared = SharedModes.SingleUser, NumHwthreads = 2 };

        var gauge = Assert.Single(FootprintGauge.For(job, TestClusters.Catalog(), seesRestricted: true));

        Assert.Equal(new FootprintThresholds(2, 1, 0.25, 0.125), gauge.Thresholds);
        Assert.Equal(FootprintRating.Normal, gauge.Rating);
        Assert.Equal(40.0, gauge.Percent, 6);
    }

    [Fact]
    public void For_JobWithoutFootprintOrOnUnknownCluster_NoGauges()
    {
        var catalog = TestClusters.Catalog();
        Assert.Empty(FootprintGauge.For(Job([]), catalog, seesRestricted: true));
        Assert.Empty(FootprintGauge.For(Job(new() { ["load_one_avg"] = 3 }) with { Cluster = "elsewhere" }, catalog, seesRestricted: true));
    }

    [Fact]
    public void Percent_ValueAbovePeak_FillsTheBarOnly()
    {
        var gauge = Assert.Single(FootprintGauge.For(Job(new() { ["load_one_avg"] = 12 }), TestClusters.Catalog(), seesRestricted: true));
        Assert.Equal((100.0, FootprintRating.Implausible, "secondary"), (gauge.Percent, gauge.Rating, gauge.Colour));
    }

    private static Job Job(Dictionary<string, double> footprint) => new()
    {
        Id = 1,
        JobId = 100,
        User = "alice",
        Cluster = TestClusters.Name,
        SubCluster = "main",
        NumNodes = 1,
        NumHwthreads = 8,
        State = JobStates.Completed,
        Footprint = footprint,
    };
}
