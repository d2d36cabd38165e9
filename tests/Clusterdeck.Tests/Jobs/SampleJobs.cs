using Clusterdeck.Core.Jobs;

namespace Clusterdeck.Tests.Jobs;

/// <summary>A small, varied set of jobs that the query tests filter, order and count.</summary>
internal static class SampleJobs
{
    public static Job Job(long jobId, string user = "alice", string cluster = "fritz", long startTime = 1000) => new()
    {
        JobId = jobId,
        User = user,
        Project = "p1",
        Cluster = cluster,
        SubCluster = "main",
        Partition = "singlenode",
        NumNodes = 1,
        NumHwthreads = 72,
        Shared = SharedModes.None,
        MonitoringStatus = MonitoringStatus.RunningOrArchiving,
        Smt = 1,
        State = JobStates.Completed,
        StartTime = startTime,
        Duration = 600,
        Walltime = 3600,
        SubmitTime = startTime - 10,
        Resources = [new JobResource { Hostname = "f0101", HwThreads = [0, 1, 2], Accelerators = ["gpu0"] }],
        MetaData = new Dictionary<string, string> { ["jobName"] = $"job{jobId}" },
    };

    /// <summary>
    /// 100 alice/p1/fritz/main singlenode start 1000, 3600 s, 1 node, 72 threads, interactive, f0101, flops 10.5, energy 2.5, array 7.
    /// 101 alice/p2/fritz/main multinode start 2000, 7200 s, 4 nodes, 288 threads, "sim_a%b", f0102+f0103, flops 100, energy 10.
    /// 102 bob/p1/alex/a40 start 3000, failed, 60 s, 1 node, 16 threads, 1 acc, multi_user, "train_x", a0101, flops 50.
    /// 103 carol/p3/alex/a100 running since Now-100, 2 nodes, 32 threads, 8 accs, single_user, no metadata, a0201+a0202.
    /// 104 o'brien/x_y/fritz/main start 4000, 120 s, 1 node, 72 threads, "50%_done", f0101, mem_bw 7.
    /// </summary>
    public static IReadOnlyList<Job> Set { get; } =
    [
        Job(100) with
        {
            Duration = 3600, MetaData = new Dictionary<string, string> { ["jobName"] = "interactive" },
            Footprint = new Dictionary<string, double> { ["flops_any_avg"] = 10.5, ["mem_bw_avg"] = 50 }, Energy = 2.5, ArrayJobId = 7,
            EnergyFootprint = new Dictionary<string, double> { ["cpu_power"] = 2.5 },
        },
        Job(101, startTime: 2000) with
        {
            Project = "p2", Partition = "multinode", Duration = 7200, NumNodes = 4, NumHwthreads = 288,
            MetaData = new Dictionary<string, string> { ["jobName"] = "sim_a%b" },
            Resources = [new JobResource { Hostname = "f0102" }, new JobResource { Hostname = "f0103" }],
            Footprint = new Dictionary<string, double> { ["flops_any_avg"] = 100 }, Energy = 10,
        },
        Job(102, user: "bob", cluster: "alex", startTime: 3000) with
        {
            SubCluster = "a40", Partition = "a40", State = JobStates.Failed, Duration = 60, NumHwthreads = 16, NumAcc = 1,
            Shared = SharedModes.MultiUser, MetaData = new Dictionary<string, string> { ["jobName"] = "train_x" },
            Resources = [new JobResource { Hostname = "a0101" }], Footprint = new Dictionary<string, double> { ["flops_any_avg"] = 50 },
        },
        Job(103, user: "carol", cluster: "alex", startTime: JobDatabase.Now - 100) with
        {
            Project = "p3", SubCluster = "a100", Partition = "a100", State = JobStates.Running, Duration = 0, NumNodes = 2,
            NumHwthreads = 32, NumAcc = 8, Shared = SharedModes.SingleUser, MetaData = null,
            Resources = [new JobResource { Hostname = "a0201" }, new JobResource { Hostname = "a0202" }],
        },
        Job(104, user: "o'brien", startTime: 4000) with
        {
            Project = "x_y", Duration = 120, MetaData = new Dictionary<string, string> { ["jobName"] = "50%_done" },
            Footprint = new Dictionary<string, double> { ["mem_bw_avg"] = 7 },
        },
    ];
}
