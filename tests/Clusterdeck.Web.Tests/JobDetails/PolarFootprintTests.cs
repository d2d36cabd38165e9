using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Jobs;
using Clusterdeck.Web.JobDetails;

namespace Clusterdeck.Web.Tests.JobDetails;

public sealed class PolarFootprintTests
{
    private static readonly MetricConfig[] Metrics =
    [
        new() { Name = "flops_any", Peak = 400 },
        new() { Name = "mem_bw", Peak = 64 },
        new() { Name = "cpu_load", Peak = 16 },
        new() { Name = "ipc", Peak = 0 },
    ];

    private static readonly Dictionary<string, MetricStatistics> Statistics = new()
    {
        ["flops_any"] = new() { Avg = 100, Max = 800, Min = 0 },
        ["mem_bw"] = new() { Avg = 32, Max = 48, Min = 16 },
        ["cpu_load"] = new() { Avg = 8, Max = 16, Min = 4 },
        ["ipc"] = new() { Avg = 1, Max = 2, Min = 0 },
    };

    [Fact]
    public void Build_NoSubclusterFootprint_ClassicMetricsWithAPeak_ShareOfPeakClamped()
    {
        var entries = PolarFootprint.Build(Statistics, Metrics, []);

        Assert.Equal(["flops_any", "mem_bw", "cpu_load"], entries.Select(e => e.Name));
        Assert.Equal(new PolarEntry("flops_any", 0.25, 1, 0), entries[0]);
        Assert.Equal(new PolarEntry("mem_bw", 0.5, 0.75, 0.25), entries[1]);
        Assert.StartsWith("""[{"name":"flops_any","avg":0.25,"max":1,"min":0},""", PolarFootprint.ToJson(entries), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SubclusterFootprint_UsedWhenItHasThreeMetrics()
    {
        var entries = PolarFootprint.Build(Statistics, Metrics, ["cpu_load", "mem_bw", "flops_any"]);

        Assert.Equal(["cpu_load", "mem_bw", "flops_any"], entries.Select(e => e.Name));
    }
}
