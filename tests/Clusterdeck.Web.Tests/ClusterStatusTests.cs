using Clusterdeck.Core.Jobs;
using Clusterdeck.Core.Nodes;
using Clusterdeck.Web.Components.Nodes;

namespace Clusterdeck.Web.Tests;

public sealed class ClusterStatusTests
{
    private static readonly Node[] Nodes =
    [
        NodeOf("f0101", SchedulerStates.Idle, MonitoringStates.Full),
        NodeOf("f0102", SchedulerStates.Allocated, MonitoringStates.Partial),
        NodeOf("f0103", SchedulerStates.Down, MonitoringStates.Failed),
        NodeOf("g0001", SchedulerStates.Allocated, MonitoringStates.Full),
    ];

    [Fact]
    public void Build_NodeStates_CountedBySchedulerAndHealthInTheirOwnOrder()
    {
        var status = ClusterStatus.Build(Nodes, []);

        Assert.Equal([new("allocated", 2), new("idle", 1), new("down", 1)], status.SchedulerCounts);
        Assert.Equal([new("full", 2), new("partial", 1), new("failed", 1)], status.HealthCounts);
    }

    [Fact]
    public void Build_RunningJobs_CountedPerHostOnceAndSummed()
    {
        Job[] running =
        [
            JobOn(numHwthreads: 72, numAcc: 0, "f0102", "g0001"),
            JobOn(numHwthreads: 8, numAcc: 2, "f0102"),
            // Two resources on one host (a job split across its sockets) is still one job there.
            JobOn(numHwthreads: 4, numAcc: 0, "g0001", "g0001"),
        ];

        var status = ClusterStatus.Build(Nodes, running);

        Assert.Equal(3, status.RunningJobs);
        Assert.Equal(2, status.AllocatedNodes);
        Assert.Equal(84, status.AllocatedCores);
        Assert.Equal(2, status.AllocatedAccelerators);
        Assert.Equal([0, 2, 0, 2], status.Nodes.Select(n => n.RunningJobs));
    }

    [Theory]
    [InlineData(null, "", new[] { "f0101", "f0102", "f0103", "g0001" })]
    [InlineData("F01", "", new[] { "f0101", "f0102", "f0103" })]
    [InlineData(" 0102 ", "", new[] { "f0102" })]
    [InlineData("", "allocated", new[] { "f0102", "g0001" })]
    [InlineData("", "full", new[] { "f0101", "g0001" })]
    [InlineData("f", "full", new[] { "f0101" })]
    [InlineData("nothing", "", new string[0])]
    public void Filter_TextAndState_MatchingHosts(string? text, string state, string[] expected) =>
        Assert.Equal(expected, ClusterStatus.Build(Nodes, []).Filter(text, state).Select(r => r.Node.Hostname));

    private static Node NodeOf(string host, string state, string health) =>
        new() { Hostname = host, Cluster = "fritz", SubCluster = "main", State = new NodeStateRecord { SchedulerState = state, HealthState = health } };

    private static Job JobOn(int numHwthreads, int numAcc, params string[] hosts) => new()
    {
        State = JobStates.Running,
        NumNodes = hosts.Distinct().Count(),
        NumHwthreads = numHwthreads,
        NumAcc = numAcc,
        Resources = [.. hosts.Select(h => new JobResource { Hostname = h })],
    };
}
