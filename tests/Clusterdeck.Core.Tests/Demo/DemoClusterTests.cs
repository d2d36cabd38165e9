using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Demo;

namespace Clusterdeck.Core.Tests.Demo;

public sealed class DemoClusterTests
{
    [Theory]
    [InlineData("vm", "vm")]
    [InlineData("login01.cluster.example.org", "login01")]
    [InlineData("my_laptop", "my-laptop")]
    [InlineData("...", "localhost")]
    public void Hostname_UsableInANodeList(string machineName, string expected)
    {
        Assert.Equal(expected, DemoCluster.Hostname(machineName));
        Assert.True(NodeList.TryParse(DemoCluster.Hostname(machineName), out _, out _));
    }

    [Fact]
    public void Build_TwoSubclusters_ThisMachineFirstThenTheSyntheticNodes()
    {
        var catalog = new ClusterCatalog([DemoCluster.Build(DemoMachines.TwoSockets(), "vm", 128)]);

        var cluster = catalog.Find(DemoCluster.Name)!;
        Assert.Equal([DemoCluster.LiveSubClusterName, DemoCluster.SyntheticSubClusterName], cluster.SubClusters.Select(s => s.Name));
        Assert.Equal(DemoCluster.LiveSubClusterName, catalog.AssignSubCluster(DemoCluster.Name, "vm"));
        Assert.Equal(DemoCluster.SyntheticSubClusterName, catalog.AssignSubCluster(DemoCluster.Name, "node128"));
        Assert.Equal(128, DemoCluster.SyntheticHosts(cluster).Count);
        Assert.Equal("node001", DemoCluster.SyntheticHosts(cluster)[0]);
    }

    [Fact]
    public void Build_HostInTheSyntheticRange_StaysInTheLiveSubclusterOnly()
    {
        var cluster = DemoCluster.Build(DemoMachines.TwoSockets(), "node007", 16);

        Assert.Equal(15, DemoCluster.SyntheticHosts(cluster).Count);
        Assert.DoesNotContain("node007", DemoCluster.SyntheticHosts(cluster));
        Assert.Equal(DemoCluster.LiveSubClusterName, new ClusterCatalog([cluster]).AssignSubCluster(DemoCluster.Name, "node007"));
    }

    [Fact]
    public void Build_MetricConfig_FootprintEnergyAndPeaksScaledToTheMachine()
    {
        var catalog = new ClusterCatalog([DemoCluster.Build(DemoMachines.TwoSockets(), "vm")]);
        var main = catalog.MetricConfigFor(DemoCluster.Name, DemoCluster.SyntheticSubClusterName, restrictedCaller: false);

        Assert.Equal(["cpu_load", "cpu_user", "mem_used", "flops_any", "mem_bw", "net_bw", "file_bw", "cpu_power"], main.Select(m => m.Name));
        Assert.Equal(["cpu_load_avg", "mem_used_max", "flops_any_avg", "mem_bw_avg"],
            catalog.FootprintFor(DemoCluster.Name, DemoCluster.SyntheticSubClusterName).Select(f => f.Key));
        Assert.Equal(["cpu_power"], catalog.EnergyMetricsFor(DemoCluster.Name, DemoCluster.SyntheticSubClusterName).Select(m => m.Name));

        var load = main.Single(m => m.Name == "cpu_load");
        Assert.Equal(8, load.Peak); // one per hardware thread
        var flops = main.Single(m => m.Name == "flops_any");
        Assert.Equal(8 * 2.5 * 16, flops.Peak); // cores × GHz × flops per cycle, the subcluster's SIMD peak
        var memory = main.Single(m => m.Name == "mem_used");
        Assert.True(memory.LowerIsBetter);
        Assert.Equal(64, memory.Peak);
        foreach (var metric in main)
        {
            // Thresholds in the order cc-backend's footprint bars read them.
            Assert.True(metric.LowerIsBetter
                ? metric.Normal <= metric.Caution && metric.Caution <= metric.Alert && metric.Alert <= metric.Peak
                : metric.Alert <= metric.Caution && metric.Caution <= metric.Normal && metric.Normal <= metric.Peak, metric.Name);
            Assert.Equal(DemoCluster.Timestep, metric.Timestep);
        }

        var sub = catalog.FindSubCluster(DemoCluster.Name, DemoCluster.SyntheticSubClusterName)!;
        Assert.Equal(flops.Peak, sub.FlopRateSimd.Value);
        Assert.Equal(80, sub.MemoryBandwidth.Value); // 40 GB/s per NUMA domain
    }

    [Fact]
    public void Build_LiveSubcluster_HasOnlyWhatTheAgentMeasures()
    {
        var catalog = new ClusterCatalog([DemoCluster.Build(DemoMachines.TwoSockets(gpus: 2), "vm")]);

        var live = catalog.MetricConfigFor(DemoCluster.Name, DemoCluster.LiveSubClusterName, restrictedCaller: false).Select(m => m.Name).ToList();
        Assert.Equal(
            ["cpu_load", "cpu_user", "mem_used", "net_bw", "file_bw", "acc_utilization", "acc_mem_used", "acc_power",
             "net_bytes_in_bw", "net_bytes_out_bw", "io_read_bw", "io_write_bw", "nv_mem_util", "nv_temp", "nv_sm_clock"],
            live);
        Assert.Contains("acc_utilization_avg", catalog.FootprintFor(DemoCluster.Name, DemoCluster.SyntheticSubClusterName).Select(f => f.Key));
    }

    [Fact]
    public async Task WriteToArchiveAsync_NewDirectory_ArchiveWithClusterJsonTheCatalogLoads()
    {
        var root = Directory.CreateTempSubdirectory("clusterdeck-demo-cluster-");
        try
        {
            var cluster = DemoCluster.Build(DemoMachines.TwoSockets(), "vm");
            await DemoCluster.WriteToArchiveAsync(cluster, root.FullName, TestContext.Current.CancellationToken);

            Assert.Equal("3", File.ReadAllText(Path.Combine(root.FullName, "version.txt")).Trim());
            var loaded = ClusterCatalog.Load(root.FullName).Find(DemoCluster.Name)!;
            Assert.Equal(cluster.SubClusters.Select(s => s.Nodes), loaded.SubClusters.Select(s => s.Nodes));
            Assert.Equal(cluster.MetricConfig.Select(m => m.Name), loaded.MetricConfig.Select(m => m.Name));
            Assert.DoesNotContain("\"footprint\": [", File.ReadAllText(DemoCluster.ClusterFile(root.FullName)), StringComparison.Ordinal); // derived lists stay out
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
