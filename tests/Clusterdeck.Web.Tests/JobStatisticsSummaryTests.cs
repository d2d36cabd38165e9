using Bunit;
using Clusterdeck.Core.Jobs.Queries;
using Clusterdeck.Web.Statistics;

namespace Clusterdeck.Web.Tests;

public sealed class JobStatisticsSummaryTests : BunitContext
{
    [Fact]
    public void Render_Statistics_TotalsAndHistogramPoints()
    {
        var stats = new JobGroupStatistics
        {
            TotalJobs = 1234,
            RunningJobs = 5,
            TotalNodeHours = 98765,
            HistDuration = [new HistogramPoint(3600, 4), new HistogramPoint(7200, 1)],
            HistNumNodes = [new HistogramPoint(1, 10), new HistogramPoint(32, 2)],
        };

        var summary = Render<JobStatisticsSummary>(p => p.Add(s => s.Stats, stats));

        Assert.Equal("1,234", summary.Find("[data-testid=stat-total-jobs]").TextContent);
        Assert.Contains("5 running", summary.Markup, StringComparison.Ordinal);
        Assert.Equal("98,765", summary.Find("[data-testid=stat-node-hours]").TextContent);
        // Duration bins are shown in hours.
        Assert.Equal("[[1,4],[2,1]]", summary.Find("[data-testid=histogram-duration]").GetAttribute("points"));
        Assert.Equal("[[1,10],[32,2]]", summary.Find("[data-testid=histogram-nodes]").GetAttribute("points"));
        Assert.Equal("[]", summary.Find("[data-testid=histogram-accs]").GetAttribute("points"));
    }

    [Fact]
    public void Json_FractionalBins_InvariantNumbers() =>
        Assert.Equal("[[0.5,3]]", HistogramPoints.Json([new HistogramPoint(1800, 3)], 3600));
}
