using Clusterdeck.Core.Archive;
using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Demo;
using Clusterdeck.Core.Jobs;
using Clusterdeck.Core.Metrics;

namespace Clusterdeck.Core.Tests.Demo;

public sealed class DemoMetricSynthesizerTests
{
    private const long Now = 1_790_000_000;
    private static readonly ClusterCatalog Catalog = new([DemoCluster.Build(DemoMachines.TwoSockets(gpus: 2), "vm")]);
    private static readonly Cluster Cluster = Catalog.Find(DemoCluster.Name)!;
    private static readonly SubCluster Main = DemoCluster.SyntheticSubCluster(Cluster);
    private static readonly IReadOnlyList<MetricConfig> Metrics = Catalog.MetricConfigFor(DemoCluster.Name, Main.Name, restrictedCaller: false);
    private static readonly IReadOnlyList<DemoJobPlan> Plans = DemoWorkload.Plan(600, Now, seed: 5, Cluster);

    /// <summary>What the demo's builder writes for a plan.</summary>
    private static (Job Job, JobData Data) Archive(DemoJobPlan plan) => DemoArchiveBuilder.Prepare(plan, Metrics, Main, new JobPlacement(Catalog));

    [Fact]
    public void Synthesize_SamePlan_SameSeries()
    {
        var first = DemoMetricSynthesizer.Synthesize(Plans[7], Metrics, Main);
        var second = DemoMetricSynthesizer.Synthesize(Plans[7], Metrics, Main);

        Assert.Equal(first["mem_bw"]["node"].Series[0].Data, second["mem_bw"]["node"].Series[0].Data);
        Assert.Equal(first["cpu_user"]["node"].Series[0].Data, second["cpu_user"]["node"].Series[0].Data);
    }

    [Fact]
    public void Synthesize_Scopes_NodeForAllCoreForSmallJobsAcceleratorForGpuJobs()
    {
        foreach (var plan in Plans.Take(200))
        {
            var data = DemoMetricSynthesizer.Synthesize(plan, Metrics, Main);
            var samples = (plan.Job.Duration / DemoCluster.Timestep) + 1;
            foreach (var metric in Metrics.Where(m => m.Scope != MetricScopes.Accelerator))
            {
                var node = data[metric.Name][MetricScopes.Node];
                Assert.Equal(plan.Job.Resources.Select(r => r.Hostname), node.Series.Select(s => s.Hostname));
                Assert.All(node.Series, s => Assert.Equal(Math.Max(2, samples), s.Data.Length));
                Assert.All(node.Series, s => Assert.All(s.Data, v => Assert.True(float.IsFinite(v) && v >= 0, $"{metric.Name}: {v}")));
            }

            Assert.Equal(plan.Job.NumNodes <= 8, data["flops_any"].ContainsKey(MetricScopes.Core));
            Assert.Equal(plan.Job.NumAcc > 0, data.ContainsKey("acc_utilization"));
            if (plan.Job.NumNodes <= 8)
            {
                Assert.Equal(plan.Job.NumNodes * 8, data["cpu_user"][MetricScopes.Core].Series.Count);
            }
        }

        Assert.Contains(Plans, p => p.Job.NumAcc > 0);
    }

    [Fact]
    public void Synthesize_NodeSeriesOfPerCoreMetrics_AggregateTheirCores()
    {
        var plan = Plans.First(p => p.Job.NumNodes is > 1 and <= 8 && p.Job.Duration > 1800);
        var data = DemoMetricSynthesizer.Synthesize(plan, Metrics, Main);

        foreach (var (metric, sum) in new[] { ("flops_any", true), ("cpu_user", false) })
        {
            var node = data[metric][MetricScopes.Node].Series[1];
            var cores = data[metric][MetricScopes.Core].Series.Where(s => s.Hostname == node.Hostname).ToList();
            for (var i = 0; i < node.Data.Length; i++)
            {
                var total = cores.Sum(c => (double)c.Data[i]);
                Assert.Equal(sum ? total : total / cores.Count, node.Data[i], 0.011);
            }
        }
    }

    [Fact]
    public void Archive_Statistics_AgreeWithTheSeriesAsWritten()
    {
        foreach (var plan in Plans.Take(100))
        {
            var (job, data) = Archive(plan);
            foreach (var metric in Metrics.Where(m => data.ContainsKey(m.Name)))
            {
                var series = data[metric.Name][MetricScopes.Node].Series;
                var perNode = series.Select(s => SeriesStatistics.Of(s.Data)!).ToList();
                var statistics = job.Statistics![metric.Name];
                // The archiver's rule: avg is the sum of node averages over the job's nodes; min and max over all nodes. Node
                // averages are rounded to two decimals before they are summed, and the result again: 0.01 at most apart.
                Assert.Equal(perNode.Sum(s => s.Avg) / job.NumNodes, statistics.Avg, 0.0101);
                Assert.Equal(perNode.Min(s => s.Min), statistics.Min, 0.006);
                Assert.Equal(perNode.Max(s => s.Max), statistics.Max, 0.006);
                Assert.All(series, s => Assert.Equal(SeriesStatistics.Of(s.Data)!.Avg, s.Statistics!.Avg, 0.006));
            }
        }
    }

    [Fact]
    public void Archive_FootprintAndEnergy_PresentAndFromTheStatistics()
    {
        foreach (var plan in Plans.Take(100))
        {
            var (job, _) = Archive(plan);

            Assert.Equal(MonitoringStatus.ArchivingSuccessful, job.MonitoringStatus);
            Assert.Equal(job.Statistics!["cpu_load"].Avg, job.Footprint!["cpu_load_avg"]);
            Assert.Equal(job.Statistics["mem_used"].Max, job.Footprint["mem_used_max"]);
            Assert.Equal(job.Statistics["flops_any"].Avg, job.Footprint["flops_any_avg"]);
            Assert.Equal(job.Statistics["mem_bw"].Avg, job.Footprint["mem_bw_avg"]);
            var expectedEnergy = MetricStatistics.RoundToHundredths(job.Statistics["cpu_power"].Avg * job.NumNodes * job.Duration / 3600.0 / 1000.0);
            Assert.Equal(expectedEnergy, job.EnergyFootprint!["cpu_power"]);
            Assert.True(job.Energy > 0 || job.Duration * job.NumNodes < 600, $"job {job.JobId}: energy {job.Energy}");
        }
    }

    [Fact]
    public void Archive_Profiles_LookLikeTheirKind()
    {
        double Share(Job job, string metric) => job.Statistics![metric].Avg / Metrics.Single(m => m.Name == metric).Peak;
        var jobs = Plans.Where(p => p.Job.Duration > 1800 && p.Job.State == JobStates.Completed).Select(p => (p.Profile, Archive(p).Job)).ToList();
        List<Job> Of(DemoJobProfile profile) => [.. jobs.Where(j => j.Profile == profile).Select(j => j.Job)];

        // Compute-bound jobs reach a good share of the flop peak; memory-bound ones of the bandwidth peak; idle ones neither.
        Assert.All(Of(DemoJobProfile.ComputeBound), j => Assert.True(Share(j, "flops_any") > 0.2 && Share(j, "cpu_load") > 0.6, $"job {j.JobId}"));
        Assert.All(Of(DemoJobProfile.MemoryBound), j => Assert.True(Share(j, "mem_bw") > 0.3 && Share(j, "flops_any") < 0.15, $"job {j.JobId}"));
        Assert.All(Of(DemoJobProfile.Idle), j => Assert.True(Share(j, "cpu_load") < 0.1 && Share(j, "flops_any") < 0.01, $"job {j.JobId}"));
        Assert.NotEmpty(Of(DemoJobProfile.ComputeBound));
        Assert.NotEmpty(Of(DemoJobProfile.MemoryBound));
        Assert.NotEmpty(Of(DemoJobProfile.Idle));

        // No statistic beyond its metric's peak (memory and load may touch it). Accelerator thresholds are per GPU, as in
        // the reference cluster alex, so a node's sum over its GPUs is held against the peak times its GPUs.
        double PeakPerNode(MetricConfig m) => m.Scope == MetricScopes.Accelerator && m.Aggregation == "sum" ? m.Peak * Main.Topology.Accelerators!.Count : m.Peak;
        Assert.All(jobs, j => Assert.All(Metrics.Where(m => j.Job.Statistics!.ContainsKey(m.Name)), m =>
            Assert.True(j.Job.Statistics![m.Name].Max <= PeakPerNode(m) * 1.06, $"job {j.Job.JobId} {m.Name}: {j.Job.Statistics[m.Name].Max} > {PeakPerNode(m)}")));
    }

    [Fact]
    public void Archive_OutOfMemoryJobs_EndWithFullMemory()
    {
        var oom = Plans.Where(p => p.Job.State == JobStates.OutOfMemory).Select(p => Archive(p).Job).ToList();

        Assert.NotEmpty(oom);
        Assert.All(oom, j => Assert.True(j.Footprint!["mem_used_max"] > 0.85 * 64, $"job {j.JobId}: {j.Footprint["mem_used_max"]}"));
    }
}
