using Clusterdeck.Core.Jobs;
using Clusterdeck.Core.Nodes;

namespace Clusterdeck.Web.Components.Nodes;

/// <summary>What the status page shows of a cluster at one moment: its nodes with their running jobs, the state counts, and what running jobs hold.</summary>
public sealed record ClusterStatus
{
    /// <summary>Value of the state filter that keeps every node.</summary>
    public const string AnyState = "";

    public IReadOnlyList<NodeRow> Nodes { get; init; } = [];

    /// <summary>Nodes per scheduler state, in <see cref="SchedulerStates.All"/> order, states without nodes left out.</summary>
    public IReadOnlyList<NodeStateCount> SchedulerCounts { get; init; } = [];

    /// <summary>Nodes per health state, in <see cref="MonitoringStates.All"/> order, states without nodes left out.</summary>
    public IReadOnlyList<NodeStateCount> HealthCounts { get; init; } = [];

    public int RunningJobs { get; init; }

    /// <summary>Distinct hosts that running jobs use.</summary>
    public int AllocatedNodes { get; init; }

    /// <summary>Hardware threads given to running jobs (cc-backend counts these as cores).</summary>
    public long AllocatedCores { get; init; }

    public long AllocatedAccelerators { get; init; }

    /// <summary>Puts the status together from the cluster's nodes and its running jobs; the state counts are the nodes'.</summary>
    public static ClusterStatus Build(IReadOnlyList<Node> nodes, IReadOnlyList<Job> runningJobs)
    {
        var jobsPerHost = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var job in runningJobs)
        {
            foreach (var host in job.Resources.Select(r => r.Hostname).Distinct(StringComparer.Ordinal))
            {
                jobsPerHost[host] = jobsPerHost.GetValueOrDefault(host) + 1;
            }
        }

        return new ClusterStatus
        {
            Nodes = [.. nodes.Select(n => new NodeRow(n, jobsPerHost.GetValueOrDefault(n.Hostname)))],
            SchedulerCounts = InOrder(nodes.Select(n => n.State.SchedulerState), SchedulerStates.All),
            HealthCounts = InOrder(nodes.Select(n => n.State.HealthState), MonitoringStates.All),
            RunningJobs = runningJobs.Count,
            AllocatedNodes = jobsPerHost.Count,
            AllocatedCores = runningJobs.Sum(j => (long)j.NumHwthreads),
            AllocatedAccelerators = runningJobs.Sum(j => (long)j.NumAcc),
        };
    }

    /// <summary>
    /// The nodes whose hostname contains <paramref name="text"/> (case ignored) and whose scheduler or health state is
    /// <paramref name="state"/> (<see cref="AnyState"/> for all).
    /// </summary>
    public IEnumerable<NodeRow> Filter(string? text, string? state) =>
        Nodes.Where(row =>
            (string.IsNullOrWhiteSpace(text) || row.Node.Hostname.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase))
            && (string.IsNullOrEmpty(state) || row.Node.State.SchedulerState == state || row.Node.State.HealthState == state));

    private static NodeStateCount[] InOrder(IEnumerable<string> nodeStates, IReadOnlyList<string> states)
    {
        var counts = nodeStates.CountBy(state => state).ToDictionary(StringComparer.Ordinal);
        return [.. states.Where(counts.ContainsKey).Select(state => new NodeStateCount(state, counts[state]))];
    }
}
