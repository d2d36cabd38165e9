using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Jobs;
using Clusterdeck.Web.JobDetails;

namespace Clusterdeck.Web.Tests.JobDetails;

public sealed class JobPlotPlannerTests
{
    private static readonly Topology TwoSockets = new()
    {
        Node = [0, 1, 2, 3],
        Socket = [[0, 1], [2, 3]],
        MemoryDomain = [[0, 1], [2, 3]],
        Core = [[0], [1], [2], [3]],
    };

    private static readonly MetricConfig[] Metrics =
    [
        new() { Name = "cpu_load", Scope = "node", Aggregation = "avg", Timestep = 60, Peak = 4, Normal = 4, Caution = 2, Alert = 1, Unit = new() { Base = "load" } },
        new() { Name = "mem_bw", Scope = "socket", Aggregation = "sum", Timestep = 60, Peak = 100, Normal = 60, Caution = 20, Alert = 10, Unit = new() { Base = "B/s", Prefix = "G" } },
        new() { Name = "flops_any", Scope = "hwthread", Aggregation = "sum", Timestep = 60, Peak = 400, Normal = 200, Caution = 40, Alert = 8, Unit = new() { Base = "F/s", Prefix = "G" } },
        new() { Name = "vectorization_ratio", Scope = "hwthread", Aggregation = "avg", Timestep = 60, Peak = 100 },
        new() { Name = "acc_utilization", Scope = "accelerator", Aggregation = "avg", Timestep = 60, Peak = 100 },
    ];

    private static readonly Job Job = new() { Id = 42, JobId = 7, Cluster = "c", SubCluster = "s", State = JobStates.Completed, Duration = 3600 };

    [Fact]
    public void Plan_LiveJob_EveryConfiguredMetricAtNodeAndFinerScopesDownToItsNativeOne()
    {
        var plan = JobPlotPlanner.Plan(Job with { State = JobStates.Running }, Metrics, TwoSockets, storedScopes: null, elapsedSeconds: 600);

        Assert.Equal(["cpu_load", "mem_bw", "flops_any", "vectorization_ratio", "acc_utilization"], plan.Plots.Select(p => p.Metric));
        Assert.Equal(["node"], Scopes(plan, "cpu_load"));
        Assert.Equal(["node", "socket"], Scopes(plan, "mem_bw"));
        Assert.Equal(["node", "socket", "core"], Scopes(plan, "flops_any"));
        Assert.Equal(["node", "accelerator"], Scopes(plan, "acc_utilization"));
        Assert.Empty(plan.MissingMetrics);
        Assert.Equal("/ui/data/jobs/42/roofline", plan.RooflineSource);
        Assert.Equal("GB/s", plan.Plots.Single(p => p.Metric == "mem_bw").Unit);
    }

    [Fact]
    public void Plan_ArchivedJob_StoredMetricsInConfigOrderThenOthers_MissingOnesNamed()
    {
        var stored = new Dictionary<string, IReadOnlyList<string>>
        {
            ["rapl_power"] = ["node"],
            ["flops_any"] = ["core", "node"],
            ["cpu_load"] = ["node"],
        };

        var plan = JobPlotPlanner.Plan(Job, Metrics, TwoSockets, stored, Job.Duration);

        Assert.Equal(["cpu_load", "flops_any", "rapl_power"], plan.Plots.Select(p => p.Metric));
        Assert.Equal(["node", "core"], Scopes(plan, "flops_any"));
        Assert.Equal(["mem_bw", "vectorization_ratio", "acc_utilization"], plan.MissingMetrics);
        // Without mem_bw there is no roofline; a metric outside the config has no thresholds.
        Assert.Null(plan.RooflineSource);
        Assert.Null(plan.Plots.Single(p => p.Metric == "rapl_power").Scopes[0].Thresholds);
    }

    [Fact]
    public void Plan_SummedMetricBelowNode_ThresholdsSplitOverTheNodesParts()
    {
        var plan = JobPlotPlanner.Plan(Job, Metrics, TwoSockets, storedScopes: null, elapsedSeconds: 60);

        var flops = plan.Plots.Single(p => p.Metric == "flops_any").Scopes.ToDictionary(s => s.Scope, s => s.Thresholds);
        Assert.Equal(new PlotThresholds(400, 200, 40, 8), flops["node"]);
        Assert.Equal(new PlotThresholds(200, 100, 20, 4), flops["socket"]);
        Assert.Equal(new PlotThresholds(100, 50, 10, 2), flops["core"]);
        // An averaged metric is judged the same at every scope.
        Assert.Equal(new PlotThresholds(100, 0, 0, 0), PlotThresholds.For(Metrics[3], "core", TwoSockets));
    }

    [Theory]
    [InlineData(86_486, 60, 180)]
    [InlineData(24_000, 60, 0)]
    [InlineData(48_000, 60, 120)]
    [InlineData(0, 60, 0)]
    [InlineData(86_400, 0, 0)]
    public void Resolution_AboutFourHundredSamples_WholeTimesteps(long elapsed, int timestep, int expected) =>
        Assert.Equal(expected, JobPlotPlanner.Resolution(elapsed, timestep));

    [Fact]
    public void Plan_LongJob_SourcesAskForTheResolutionAndEscapeTheMetric()
    {
        var plan = JobPlotPlanner.Plan(Job, [Metrics[0] with { Name = "a b" }], TwoSockets, storedScopes: null, elapsedSeconds: 86_400);

        Assert.Equal("/ui/data/jobs/42/metrics/a%20b?scope=node&resolution=180", plan.Plots[0].Scopes[0].Source);
    }

    private static string[] Scopes(JobPlotPlan plan, string metric) => [.. plan.Plots.Single(p => p.Metric == metric).Scopes.Select(s => s.Scope)];
}
