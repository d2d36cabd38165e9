using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Jobs;
using Clusterdeck.Core.Jobs.Footprints;

namespace Clusterdeck.Core.Tests.Jobs;

public sealed class JobFootprintTests
{
    // fritz "main": footprint metrics and statistics from its cluster.json; power metrics flagged "energy": "power".
    private static readonly FootprintDefinition Fritz = new(
        [Footprint("cpu_load", "avg"), Footprint("mem_used", "max"), Footprint("flops_any", "avg"), Footprint("mem_bw", "avg")],
        [new("cpu_power", "power"), new("mem_power", "power")]);

    private static FootprintMetric Footprint(string metric, string statistic) => new($"{metric}_{statistic}", metric, statistic, new MetricUnit(), LowerIsBetter: false);

    private static Job JobWith(int numNodes, int duration, params (string Metric, double Avg, double Min, double Max)[] statistics) => new()
    {
        JobId = 1,
        Cluster = "fritz",
        NumNodes = numNodes,
        Duration = duration,
        Statistics = statistics.ToDictionary(s => s.Metric, s => new MetricStatistics { Avg = s.Avg, Min = s.Min, Max = s.Max }),
    };

    [Fact]
    public void Apply_FootprintStatistics_KeysNameTheConfiguredStatistic()
    {
        var job = JobWith(1, 177, ("cpu_load", 31.64, 17.36, 45.54), ("mem_used", 6.162, 6.103, 6.226), ("flops_any", 45.012, 0, 135.037));

        var result = JobFootprint.Apply(job, Fritz);

        Assert.Equal(new Dictionary<string, double>
        {
            ["cpu_load_avg"] = 31.64,
            ["mem_used_max"] = 6.226,
            ["flops_any_avg"] = 45.012,
            ["mem_bw_avg"] = 0.0, // no statistics for it: 0, as cc-backend
        }, result.Footprint);
    }

    [Fact]
    public void Apply_PowerMetrics_EnergyInKilowattHoursRoundedToTwoDecimals()
    {
        // 400 W average per node, 4 nodes, 3 h: 400 * 4 * 3 / 1000 = 4.8 kWh; 12.345 W: 0.148 -> 0.15.
        var job = JobWith(4, 3 * 3600, ("cpu_power", 400, 0, 500), ("mem_power", 12.345, 0, 20));

        var result = JobFootprint.Apply(job, Fritz);

        Assert.Equal(4.8, result.EnergyFootprint!["cpu_power"], 10);
        Assert.Equal(0.15, result.EnergyFootprint["mem_power"], 10);
        Assert.Equal(4.95, result.Energy, 10);
    }

    [Fact]
    public void Apply_ReferenceImportCase_MatchesHandComputedEnergy()
    {
        // meta-fritzMinimal.input: cpu_power avg 150.018 W, mem_power 7.725 W, 1 node, 177 s.
        var job = JobWith(1, 177, ("cpu_power", 150.018, 93.672, 261.592), ("mem_power", 7.725, 6.286, 10.556));

        var result = JobFootprint.Apply(job, Fritz);

        Assert.Equal(0.01, result.EnergyFootprint!["cpu_power"], 10); // 0.00738 kWh
        Assert.Equal(0.0, result.EnergyFootprint["mem_power"], 10);   // 0.00038 kWh
        Assert.Equal(0.01, result.Energy, 10);
    }

    [Fact]
    public void Apply_EnergyKindMetric_ContributesZero()
    {
        var definition = new FootprintDefinition([], [new("node_energy", "energy")]);
        var job = JobWith(2, 3600, ("node_energy", 1e6, 0, 2e6));

        var result = JobFootprint.Apply(job, definition);

        Assert.Equal(0.0, result.EnergyFootprint!["node_energy"]);
        Assert.Equal(0.0, result.Energy);
    }

    [Fact]
    public void Apply_NoStatistics_ZerosForEveryMetric()
    {
        var result = JobFootprint.Apply(new Job { NumNodes = 1, Duration = 60 }, Fritz);

        Assert.All(result.Footprint!.Values, v => Assert.Equal(0.0, v));
        Assert.All(result.EnergyFootprint!.Values, v => Assert.Equal(0.0, v));
        Assert.Equal(4, result.Footprint.Count);
    }
}
