using Clusterdeck.Core.Metrics;

namespace Clusterdeck.Tests.Metrics.Sources;

/// <summary>The source suite against a real Prometheus scraping a real node exporter, plus this machine's own metrics.</summary>
public sealed class PrometheusMetricSourceTests(PrometheusSourceFixture fixture)
    : MetricSourceContractTests<PrometheusSourceFixture>(fixture), IClassFixture<PrometheusSourceFixture>
{
    [Fact]
    public async Task LoadJobData_RealNodeMetrics_LoadAndMemoryOfThisMachine()
    {
        Fixture.SkipIfUnavailable();
        var job = CompletedJob([PrometheusSourceFixture.LocalHost]);

        var load = await Fixture.Source.LoadJobDataAsync(job, [SourceTestCluster.CpuLoad, SourceTestCluster.MemUsed], [MetricScopes.Node], 0, Cancel);

        Assert.Empty(load.Missing);
        var cpu = Assert.Single(load.Data[SourceTestCluster.CpuLoad][MetricScopes.Node].Series).Data;
        Assert.InRange(cpu.Length, Window - 1, Window + 1);
        Assert.All(cpu.Where(v => !float.IsNaN(v)), v => Assert.InRange(v, 0f, Environment.ProcessorCount * 1000f));

        // Used memory in GB: more than nothing, less than the machine has.
        var totalGigabytes = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1e9;
        var memory = Assert.Single(load.Data[SourceTestCluster.MemUsed][MetricScopes.Node].Series);
        Assert.InRange(memory.Statistics!.Avg, 0.01, totalGigabytes * 1.01);
    }

    [Fact]
    public async Task LoadJobData_ScopeBelowNode_IsReportedMissing()
    {
        Fixture.SkipIfUnavailable();
        var job = CompletedJob(["node01"]) with { NumAcc = 2 };

        var load = await Fixture.Source.LoadJobDataAsync(job, [SourceTestCluster.Load, SourceTestCluster.Flops], [MetricScopes.Node, MetricScopes.Core], 0, Cancel);

        // cd_load is measured per node and so shown at node scope; cd_flops per hwthread has no core scope here.
        Assert.Contains(load.Missing, m => m.Contains(SourceTestCluster.Flops, StringComparison.Ordinal) && m.Contains("core", StringComparison.Ordinal));
        Assert.True(load.Data.ContainsKey(SourceTestCluster.Load));
    }
}
