using Clusterdeck.Core.Clusters;

namespace Clusterdeck.Tests.Archive;

public sealed class ClusterCatalogTests
{
    private static readonly Lazy<ClusterCatalog> Reference = new(() => ClusterCatalog.Load(ReferenceArchive.Root));

    [Fact]
    public void Load_ReferenceArchive_ReadsThreeClustersInNameOrder()
    {
        var catalog = Reference.Value;

        Assert.Equal(["alex", "emmy", "fritz"], catalog.Clusters.Select(c => c.Name));
        Assert.Equal(["a40", "a100", "a100m80"], catalog.Find("alex")!.SubClusters.Select(s => s.Name));
        Assert.Null(catalog.Find("nope"));
        var a100 = catalog.FindSubCluster("alex", "a100")!;
        Assert.NotNull(a100.Topology.Accelerators);
        Assert.Equal(8, a100.Topology.Accelerators!.Count);
        Assert.Null(catalog.FindSubCluster("alex", "nope"));
    }

    [Theory]
    [InlineData("fritz", "main", "cpu_load_avg,mem_used_max,flops_any_avg,mem_bw_avg", "cpu_power,mem_power")]
    [InlineData("fritz", "spr1tb", "cpu_load_avg,mem_used_max,flops_any_avg", "cpu_power,mem_power")]
    [InlineData("fritz", "spr2tb", "cpu_load_avg,mem_used_max", "cpu_power,mem_power")]
    [InlineData("alex", "a40", "cpu_load_avg,mem_used_max,flops_any_avg,mem_bw_avg,acc_utilization_avg", "core_power,acc_power,cpu_power")]
    [InlineData("alex", "a100m80", "cpu_load_avg,mem_used_max,flops_any_avg,mem_bw_avg,acc_utilization_avg", "core_power,acc_power,cpu_power")]
    [InlineData("emmy", "haswell", "", "")]
    public void FootprintAndEnergy_ReferenceSubClusters_AsCcBackendDerivesThem(string cluster, string subCluster, string footprint, string energy)
    {
        var catalog = Reference.Value;
        var sub = catalog.FindSubCluster(cluster, subCluster)!;

        Assert.Equal(footprint, string.Join(",", catalog.FootprintFor(cluster, subCluster).Select(f => f.Key)));
        Assert.Equal(energy, string.Join(",", catalog.EnergyMetricsFor(cluster, subCluster).Select(m => m.Name)));
        // The lists cc-backend adds to the subcluster (and serves on /api/clusters/): metric names; absent when empty.
        Assert.Equal(footprint.Length == 0 ? null : footprint.Split(',').Select(k => k[..k.LastIndexOf('_')]).ToList(), sub.Footprint);
        Assert.Equal(energy.Length == 0 ? null : energy.Split(','), sub.EnergyFootprint);
    }

    [Fact]
    public void FootprintFor_MemUsedOnFritz_CarriesStatisticUnitAndLowerIsBetter()
    {
        var memUsed = Reference.Value.FootprintFor("fritz", "spr2tb").Single(f => f.Metric == "mem_used");

        Assert.Equal("max", memUsed.Statistic);
        Assert.True(memUsed.LowerIsBetter);
        Assert.Equal("B", memUsed.Unit.Base);
    }

    [Fact]
    public void MetricConfigFor_EmmySubClusters_AppliesOverridesAndRemovals()
    {
        var catalog = Reference.Value;

        var haswell = catalog.MetricConfigFor("emmy", "haswell", restrictedCaller: false).Select(m => m.Name).ToList();
        Assert.DoesNotContain("cpu_user", haswell);
        Assert.DoesNotContain("nfs4_read", haswell);
        Assert.Contains("ipc", haswell);
        Assert.Contains("cpu_user", catalog.MetricConfigFor("emmy", "icelake", restrictedCaller: false).Select(m => m.Name));
        Assert.Contains("nfs4_read", catalog.MetricConfigFor("emmy", "skylake", restrictedCaller: false).Select(m => m.Name));

        var icelakeLoad = catalog.MetricConfigFor("emmy", "icelake", restrictedCaller: false).Single(m => m.Name == "cpu_load");
        Assert.Equal((32, 32, 16, 1), (icelakeLoad.Peak, icelakeLoad.Normal, icelakeLoad.Caution, icelakeLoad.Alert));
        Assert.Null(icelakeLoad.SubClusters);
        var haswellClock = catalog.MetricConfigFor("emmy", "haswell", restrictedCaller: false).Single(m => m.Name == "clock");
        Assert.Equal(3500, haswellClock.Peak);
        Assert.Empty(catalog.MetricConfigFor("emmy", "nope", restrictedCaller: false));
    }

    [Fact]
    public void MetricConfigFor_RestrictedMetric_HiddenFromPlainUsersOnly()
    {
        var catalog = new ClusterCatalog([TestCluster(
            new MetricConfig { Name = "cpu_load", Scope = "node", Timestep = 60 },
            new MetricConfig { Name = "secret", Scope = "node", Timestep = 60, Restrict = true },
            new MetricConfig
            {
                Name = "partly", Scope = "node", Timestep = 60, Restrict = true,
                SubClusters = [new SubClusterMetricConfig { Name = "open", Restrict = false }],
            })]);

        Assert.Equal(["cpu_load", "secret", "partly"], catalog.MetricConfigFor("test", "main", restrictedCaller: false).Select(m => m.Name));
        Assert.Equal(["cpu_load"], catalog.MetricConfigFor("test", "main", restrictedCaller: true).Select(m => m.Name));
        Assert.Equal(["cpu_load", "partly"], catalog.MetricConfigFor("test", "open", restrictedCaller: true).Select(m => m.Name));
    }

    [Theory]
    [InlineData("fritz", "f0101", "main")]
    [InlineData("fritz", "f1256", "main")]
    [InlineData("fritz", "f2160", "spr1tb")]
    [InlineData("fritz", "f2185", "spr1tb")]
    [InlineData("fritz", "f1257", null)]
    [InlineData("alex", "a0831", "a100m80")]
    [InlineData("alex", "a0603", "a100")]
    [InlineData("emmy", "w2335", "icelake")]
    [InlineData("emmy", "e0102", null)]
    [InlineData("nope", "f0101", null)]
    public void AssignSubCluster_Host_FirstSubClusterWhoseNodeListContainsIt(string cluster, string host, string? expected)
    {
        Assert.Equal(expected, Reference.Value.AssignSubCluster(cluster, host));
    }

    [Fact]
    public void AssignSubCluster_FirstSubClusterIsStar_CatchesHostsNoOtherListNames()
    {
        var catalog = new ClusterCatalog([TestCluster(new MetricConfig { Name = "cpu_load", Scope = "node", Timestep = 60 }) with
        {
            SubClusters = [new SubCluster { Name = "rest", Nodes = "*" }, new SubCluster { Name = "gpu", Nodes = "g[01-04]" }],
        }]);

        Assert.Equal("gpu", catalog.AssignSubCluster("test", "g02"));
        Assert.Equal("rest", catalog.AssignSubCluster("test", "anything"));
    }

    [Theory]
    [InlineData("\"nodes\": \"f[0101-0188,", "\"nodes\": \"f[101-0188,", "not of equal length")]
    [InlineData("\"timestep\": 60", "\"timestep\": 0", "timestep 0 must be at least 1")]
    [InlineData("\"scope\": \"node\"", "\"scope\": \"rack\"", "scope 'rack'")]
    [InlineData("\"name\": \"fritz\"", "\"name\": \"../fritz\"", "cannot be a directory name")]
    [InlineData("{", "[", "not a valid cluster configuration")]
    public void Load_BadClusterJson_FailsNamingFileAndReason(string find, string replace, string reason)
    {
        var root = Directory.CreateTempSubdirectory("clusterdeck-catalog-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "fritz"));
            var text = File.ReadAllText(Path.Combine(ReferenceArchive.Root, "fritz", "cluster.json"));
            var index = text.IndexOf(find, StringComparison.Ordinal);
            Assert.True(index >= 0, $"'{find}' not in fritz/cluster.json");
            File.WriteAllText(Path.Combine(root, "fritz", "cluster.json"), string.Concat(text.AsSpan(0, index), replace, text.AsSpan(index + find.Length)));

            var error = Assert.Throws<InvalidDataException>(() => ClusterCatalog.Load(root));

            Assert.Contains(Path.Combine(root, "fritz", "cluster.json"), error.Message, StringComparison.Ordinal);
            Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Load_ClusterDirectoryWithoutClusterJson_Fails()
    {
        var root = Directory.CreateTempSubdirectory("clusterdeck-catalog-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "lonely"));

            var error = Assert.Throws<InvalidDataException>(() => ClusterCatalog.Load(root));

            Assert.Contains("lonely", error.Message, StringComparison.Ordinal);
            Assert.Contains("missing", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static Cluster TestCluster(params MetricConfig[] metrics) => new()
    {
        Name = "test",
        MetricConfig = metrics,
        SubClusters = [new SubCluster { Name = "main", Nodes = "n[01-10]" }, new SubCluster { Name = "open", Nodes = "o[01-10]" }],
    };
}
