using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Jobs;

namespace Clusterdeck.Web.Tests;

/// <summary>A real cluster catalog over one small cluster: two footprint metrics (one lower-is-better) and one restricted.</summary>
internal static class TestClusters
{
    public const string Name = "tiny";

    public static ClusterCatalog Catalog() => new([Tiny]);

    private static Cluster Tiny { get; } = new()
    {
        Name = Name,
        MetricConfig =
        [
            Metric("load_one", "load", null, peak: 8, normal: 4, caution: 1, alert: 0.5, footprint: "avg"),
            Metric("mem_used", "B", "G", peak: 32, normal: 16, caution: 24, alert: 30, footprint: "max", lowerIsBetter: true),
            Metric("secret_watts", "W", null, peak: 400, normal: 200, caution: 100, alert: 50, footprint: "avg", restrict: true),
            Metric("clock", "Hz", "M", peak: 3000, normal: 2500, caution: 1500, alert: 1000, footprint: null),
        ],
        SubClusters =
        [
            new SubCluster
            {
                Name = "main",
                Nodes = "n[01-04]",
                SocketsPerNode = 1,
                CoresPerSocket = 4,
                ThreadsPerCore = 2,
                Topology = new Topology
                {
                    Node = [0, 1, 2, 3, 4, 5, 6, 7],
                    Socket = [[0, 1, 2, 3, 4, 5, 6, 7]],
                    MemoryDomain = [[0, 1, 2, 3, 4, 5, 6, 7]],
                    Core = [[0, 4], [1, 5], [2, 6], [3, 7]],
                },
            },
        ],
    };

    private static MetricConfig Metric(string name, string unit, string? prefix, double peak, double normal, double caution, double alert,
        string? footprint, bool lowerIsBetter = false, bool restrict = false) => new()
        {
            Name = name,
            Unit = new MetricUnit { Base = unit, Prefix = prefix },
            Scope = "node",
            Aggregation = "avg",
            Timestep = 60,
            Peak = peak,
            Normal = normal,
            Caution = caution,
            Alert = alert,
            Footprint = footprint,
            LowerIsBetter = lowerIsBetter,
            Restrict = restrict,
        };
}
