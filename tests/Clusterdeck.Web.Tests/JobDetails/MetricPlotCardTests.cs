using Bunit;
using Clusterdeck.Web.JobDetails;

namespace Clusterdeck.Web.Tests.JobDetails;

public sealed class MetricPlotCardTests : BunitContext
{
    [Fact]
    public void SeveralScopes_ChoiceCarriesEachScopesSourceAndThresholds_FirstShown()
    {
        var plan = new MetricPlotPlan("flops_any", "GF/s",
        [
            new ScopeOption("node", "/ui/data/jobs/1/metrics/flops_any?scope=node", new PlotThresholds(400, 200, 40, 8)),
            new ScopeOption("socket", "/ui/data/jobs/1/metrics/flops_any?scope=socket", new PlotThresholds(200, 100, 20, 4)),
        ]);

        var card = Render<MetricPlotCard>(p => p.Add(c => c.Plan, plan).Add(c => c.Id, "plot-0").Add(c => c.LiveSeconds, 10));

        var plot = card.Find("cd-metric-plot");
        Assert.Equal("/ui/data/jobs/1/metrics/flops_any?scope=node", plot.GetAttribute("src"));
        Assert.Equal(("400", "200", "40", "8"), (plot.GetAttribute("peak"), plot.GetAttribute("normal"), plot.GetAttribute("caution"), plot.GetAttribute("alert")));
        Assert.Equal("10", plot.GetAttribute("live"));
        Assert.Equal("GF/s", plot.GetAttribute("unit"));
        var select = card.Find("[data-testid=scope-choice]");
        Assert.Equal("plot-0", select.GetAttribute("data-scope-for"));
        var socket = select.QuerySelectorAll("option")[1];
        Assert.Equal("socket", socket.GetAttribute("value"));
        Assert.Equal("/ui/data/jobs/1/metrics/flops_any?scope=socket", socket.GetAttribute("data-src"));
        Assert.Equal("100", socket.GetAttribute("data-normal"));
    }

    [Fact]
    public void OneScope_NoChoice_NoThresholdsWithoutConfig_NotLive()
    {
        var plan = new MetricPlotPlan("rapl_power", "", [new ScopeOption("node", "/ui/data/jobs/1/metrics/rapl_power?scope=node", null)]);

        var card = Render<MetricPlotCard>(p => p.Add(c => c.Plan, plan).Add(c => c.Id, "plot-1"));

        Assert.Empty(card.FindAll("[data-testid=scope-choice]"));
        Assert.Equal("node", card.Find("[data-testid=scope]").TextContent);
        var plot = card.Find("cd-metric-plot");
        Assert.False(plot.HasAttribute("peak"));
        Assert.False(plot.HasAttribute("live"));
    }
}
