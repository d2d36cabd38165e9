using Clusterdeck.Core.Jobs;

namespace Clusterdeck.Bench;

/// <summary>
/// Plausible finished and running jobs for load tests, always the same sequence: 400 users in 60 projects,
/// on the reference clusters fritz (subcluster main, nodes f0101..f0188) and alex (a40/a100 GPU nodes), about
/// 2,900 jobs a day in the order they started (as a batch system reports them), most jobs small, a few wide,
/// roughly 3 % running.
/// </summary>
internal sealed class SyntheticJobs
{
    public const int Users = 400;
    private const long YearStart = 1_672_531_200; // 2023-01-01

    private static readonly string[] FinalStates =
        [JobStates.Completed, JobStates.Completed, JobStates.Completed, JobStates.Completed, JobStates.Failed, JobStates.Cancelled, JobStates.Timeout];

    private readonly Random _random = new(42);

    public static string UserName(int index) => $"user{index:D3}";

    public static string ProjectOf(int userIndex) => $"proj{userIndex % 60:D2}";

    /// <summary>The <paramref name="index"/>-th job; jobIds are unique per cluster.</summary>
    public Job Next(long index)
    {
        var userIndex = (int)(Math.Pow(_random.NextDouble(), 2) * Users); // a few users run most jobs
        var gpu = _random.NextDouble() < 0.25;
        var numNodes = _random.NextDouble() switch
        {
            < 0.70 => 1,
            < 0.90 => _random.Next(2, 9),
            < 0.99 => _random.Next(9, 65),
            _ => _random.Next(65, 189),
        };
        if (gpu)
        {
            numNodes = Math.Min(numNodes, 8);
        }

        var startTime = YearStart + (index * 30) + _random.Next(0, 30);
        var walltime = _random.Next(1, 25) * 3600;
        var running = _random.NextDouble() < 0.03;
        var duration = running ? 0 : (int)Math.Min(walltime, _random.NextDouble() < 0.1 ? _random.Next(10, 300) : _random.Next(300, walltime + 1));
        var cluster = gpu ? "alex" : "fritz";
        var resources = new JobResource[numNodes];
        var firstNode = _random.Next(0, 189 - numNodes);
        for (var n = 0; n < numNodes; n++)
        {
            var node = firstNode + n;
            resources[n] = new JobResource
            {
                Hostname = gpu ? $"a{(node % 2 == 0 ? 0 : 1)}{(node % 64 / 8) + 1}{(node % 8) + 1:D2}" : $"f{(node / 88) + 1:D2}{(node % 88) + 1:D2}",
            };
        }

        var cores = gpu ? 16 * numNodes : 72 * numNodes;
        return new Job
        {
            JobId = 1_000_000 + index,
            User = UserName(userIndex),
            Project = ProjectOf(userIndex),
            Cluster = cluster,
            SubCluster = gpu ? (_random.Next(2) == 0 ? "a40" : "a100") : "main",
            Partition = gpu ? "a40" : (numNodes == 1 ? "singlenode" : "multinode"),
            NumNodes = numNodes,
            NumHwthreads = cores,
            NumAcc = gpu ? numNodes * 8 : 0,
            Shared = numNodes == 1 && _random.NextDouble() < 0.3 ? SharedModes.MultiUser : SharedModes.None,
            MonitoringStatus = running ? MonitoringStatus.RunningOrArchiving : MonitoringStatus.ArchivingSuccessful,
            Smt = 1,
            State = running ? JobStates.Running : FinalStates[_random.Next(FinalStates.Length)],
            StartTime = startTime,
            SubmitTime = startTime - _random.Next(0, 7200),
            Duration = duration,
            Walltime = walltime,
            Resources = resources,
            MetaData = new Dictionary<string, string> { ["jobName"] = $"run-{_random.Next(0, 5000)}" },
            Footprint = new Dictionary<string, double>
            {
                ["cpu_load_avg"] = Math.Round(_random.NextDouble() * 72, 2),
                ["flops_any_avg"] = Math.Round(_random.NextDouble() * 400, 2),
                ["mem_bw_avg"] = Math.Round(_random.NextDouble() * 350, 2),
                ["mem_used_max"] = Math.Round(_random.NextDouble() * 256, 2),
            },
            Energy = Math.Round(_random.NextDouble() * numNodes * duration / 3600.0 * 0.5, 2),
        };
    }
}
