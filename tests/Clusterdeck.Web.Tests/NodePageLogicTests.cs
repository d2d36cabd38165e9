using Clusterdeck.Core.Jobs;
using Clusterdeck.Web.Components;
using Clusterdeck.Web.Components.Nodes;

namespace Clusterdeck.Web.Tests;

/// <summary>The node page's time windows and resolutions, health details, and the time formats of the status pages.</summary>
public sealed class NodePageLogicTests
{
    [Theory]
    [InlineData("1h", 3600)]
    [InlineData("6h", 21600)]
    [InlineData("24h", 86400)]
    [InlineData(null, 3600)]
    [InlineData("7d", 3600)]
    public void Parse_RangeName_Window(string? name, long seconds) => Assert.Equal(seconds, NodePlotRange.Parse(name).Seconds);

    [Theory]
    [InlineData(3600, 60, 60)]
    [InlineData(86400, 60, 120)]
    [InlineData(86400, 10, 120)]
    [InlineData(21600, 30, 30)]
    [InlineData(3600, 0, 0)]
    public void Resolution_WindowAndTimestep_MultipleOfTimestepWithinMaxPoints(long seconds, int timestep, int expected)
    {
        var resolution = NodePlotRange.Resolution(seconds, timestep);

        Assert.Equal(expected, resolution);
        if (timestep > 0)
        {
            Assert.Equal(0, resolution % timestep);
            Assert.True(seconds / resolution <= NodePlotRange.MaxPoints);
        }
    }

    [Theory]
    [InlineData("""{"missing":["flops_any","mem_bw"],"degraded":[]}""", "missing: flops_any, mem_bw")]
    [InlineData("""{"missing":["a"],"degraded":["b"]}""", "missing: a; degraded: b")]
    [InlineData("""{"missing":[],"degraded":null}""", null)]
    [InlineData(null, null)]
    [InlineData("not json", "not json")]
    public void Describe_HealthMetrics_Line(string? json, string? expected) => Assert.Equal(expected, NodeHealthText.Describe(json));

    [Theory]
    [InlineData(1000, 1000, "0 s ago")]
    [InlineData(1000, 1059, "59 s ago")]
    [InlineData(1000, 1000 + 3599, "59 min ago")]
    [InlineData(1000, 1000 + 7200, "2 h ago")]
    [InlineData(1000, 1000 + (3 * 86400), "3 d ago")]
    [InlineData(2000, 1000, "0 s ago")]
    public void Ago_TimeAndNow_LargestWholeUnit(long time, long now, string expected) => Assert.Equal(expected, Format.Ago(time, now));

    [Theory]
    [InlineData(720 * 3600, "30 days")]
    [InlineData(24 * 3600, "1 day")]
    [InlineData(36 * 3600, "36 h")]
    [InlineData(90 * 60, "90 min")]
    [InlineData(45, "45 s")]
    public void Span_Lifetime_LargestWholeUnit(long seconds, string expected) => Assert.Equal(expected, Format.Span(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Clock_Time_UtcToTheSecond() =>
        Assert.Equal("14:05:09", Format.Clock(new DateTimeOffset(2026, 11, 23, 15, 5, 9, TimeSpan.FromHours(1))));

    [Theory]
    [InlineData("B/s", "G", "GB/s")]
    [InlineData("load", null, "load")]
    public void Unit_PrefixAndBase_OneWord(string unitBase, string? prefix, string expected) =>
        Assert.Equal(expected, Format.Unit(new MetricUnit { Base = unitBase, Prefix = prefix }));
}
