using Bunit;
using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Jobs;
using Clusterdeck.Web.JobDetails;

namespace Clusterdeck.Web.Tests.JobDetails;

public sealed class JobStatisticsRowsTests : BunitContext
{
    private static readonly MetricConfig[] Metrics =
    [
        new() { Name = "flops_any", Normal = 200, Caution = 40, Alert = 8 },
        new() { Name = "mem_used", Normal = 16, Caution = 24, Alert = 30, LowerIsBetter = true },
    ];

    private static readonly Dictionary<string, MetricStatistics> Statistics = new()
    {
        ["zeta"] = new() { Avg = 1, Min = 0, Max = 2 },
        ["mem_used"] = new() { Avg = 27, Min = 1.5, Max = 37.5, Unit = new() { Base = "B", Prefix = "G" } },
        ["flops_any"] = new() { Avg = 5, Min = 0, Max = 404.62, Unit = new() { Base = "F/s", Prefix = "G" } },
    };

    [Fact]
    public void Build_ConfigOrderThenOthers_AverageJudged()
    {
        var rows = JobStatisticsRows.Build(Statistics, Metrics);

        Assert.Equal(["flops_any", "mem_used", "zeta"], rows.Select(r => r.Metric));
        // flops: lower is worse (alert 8 < caution 40): 5 is past alert. Memory: 27 is past caution 24, not alert 30.
        Assert.Equal([ThresholdLevel.Alert, ThresholdLevel.Caution, ThresholdLevel.None], rows.Select(r => r.Level));
        Assert.Equal("GF/s", rows[0].Unit);
    }

    [Theory]
    [InlineData(300, ThresholdLevel.Normal)]
    [InlineData(40, ThresholdLevel.Caution)]
    [InlineData(8, ThresholdLevel.Alert)]
    [InlineData(double.NaN, ThresholdLevel.None)]
    public void Judge_LowerIsWorseWhenAlertBelowCaution(double value, ThresholdLevel expected) =>
        Assert.Equal(expected, JobStatisticsRows.Judge(value, Metrics[0]));

    [Fact]
    public void StatisticsTable_RendersRowsWithUnitsAndLevel()
    {
        var table = Render<StatisticsTable>(p => p.Add(t => t.Rows, JobStatisticsRows.Build(Statistics, Metrics)));

        var rows = table.FindAll("[data-testid=statistics-row]");
        Assert.Equal(3, rows.Count);
        Assert.Equal("flops_any", rows[0].GetAttribute("data-metric"));
        Assert.Equal(["flops_any", "GF/s", "0.00", "5.00", "405"], rows[0].QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.Equal("alert", rows[0].QuerySelector("[data-testid=statistics-avg]")!.GetAttribute("data-level"));
        Assert.Contains("text-danger", rows[0].QuerySelector("[data-testid=statistics-avg]")!.ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void StatisticsTable_NoRows_SaysSo()
    {
        var table = Render<StatisticsTable>(p => p.Add(t => t.Rows, []));

        Assert.NotNull(table.Find("[data-testid=no-statistics]"));
    }
}
