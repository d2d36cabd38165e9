using Clusterdeck.Core.Metrics.Agent;

namespace Clusterdeck.Tests.Metrics.Agent;

public sealed class AgentClusterChoiceTests
{
    [Fact]
    public void Choose_HostListedBySubcluster_ThatCluster()
    {
        ClusterNodes[] clusters = [new("alex", ["a[0121-0129]", "*"]), new("fritz", ["f[0101-0188]", "f[2157-2188]"])];
        Assert.Equal("fritz", AgentClusterChoice.Choose(clusters, "f2160"));
    }

    [Fact]
    public void Choose_NoListNamesHostButOneCatchAll_TheCatchAll()
    {
        ClusterNodes[] clusters = [new("alex", ["a[0121-0129]", "*"]), new("fritz", ["f[0101-0188]"])];
        Assert.Equal("alex", AgentClusterChoice.Choose(clusters, "login1"));
    }

    [Fact]
    public void Choose_OnlyOneCluster_ThatOneEvenIfNotListed()
    {
        Assert.Equal("emmy", AgentClusterChoice.Choose([new("emmy", ["w11[27-45]"])], "login1"));
    }

    [Fact]
    public void Choose_NoClusters_Default()
    {
        Assert.Equal(AgentClusterChoice.DefaultCluster, AgentClusterChoice.Choose([], "n1"));
    }

    [Fact]
    public void Choose_SeveralClustersNoneListsHost_NoGuess()
    {
        Assert.Null(AgentClusterChoice.Choose([new("emmy", ["w11[27-45]"]), new("fritz", ["f[0101-0188]"])], "login1"));
    }

    [Fact]
    public void ParseClusters_CcBackendAnswer_NamesAndNodeLists()
    {
        var clusters = ServerClusterLookup.ParseClusters("""{"clusters":[{"name":"emmy","metricConfig":[],"subClusters":[{"name":"haswell","nodes":"w11[27-45]"},{"name":"x"}]}]}""");
        var emmy = Assert.Single(clusters);
        Assert.Equal("emmy", emmy.Name);
        Assert.Equal(["w11[27-45]", ""], emmy.NodeLists);
    }
}
