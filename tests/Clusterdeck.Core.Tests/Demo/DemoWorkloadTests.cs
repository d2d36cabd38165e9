using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Demo;
using Clusterdeck.Core.Jobs;

namespace Clusterdeck.Core.Tests.Demo;

public sealed class DemoWorkloadTests
{
    private const long Now = 1_790_000_000;
    private static readonly Cluster Cluster = DemoCluster.Build(DemoMachines.TwoSockets(), "vm");
    private static readonly IReadOnlyList<DemoJobPlan> Plans = DemoWorkload.Plan(4000, Now, seed: 5, Cluster);

    [Fact]
    public void Plan_SameSeed_SameJobs()
    {
        var again = DemoWorkload.Plan(4000, Now, seed: 5, Cluster);

        Assert.Equal(Plans.Select(p => (p.Job.JobId, p.Job.User, p.Job.StartTime, p.Job.Duration, p.Job.State, p.Seed)),
            again.Select(p => (p.Job.JobId, p.Job.User, p.Job.StartTime, p.Job.Duration, p.Job.State, p.Seed)));
        Assert.Equal(Plans.Select(p => string.Join(',', p.Job.Resources.Select(r => r.Hostname))), again.Select(p => string.Join(',', p.Job.Resources.Select(r => r.Hostname))));
    }

    [Fact]
    public void Plan_Times_FinishedJobsOfTheLastSixtyDaysInStartOrder()
    {
        Assert.All(Plans, p => Assert.InRange(p.Job.StartTime, Now - (DemoWorkload.HistoryDays * 86400L), Now));
        Assert.All(Plans, p => Assert.True(p.Job.StartTime + p.Job.Duration < Now, $"job {p.Job.JobId} has not ended"));
        Assert.All(Plans, p => Assert.InRange(p.Job.Duration, 120, 72 * 3600));
        Assert.All(Plans, p => Assert.True(p.Job.Duration <= p.Job.Walltime && p.Job.SubmitTime <= p.Job.StartTime));
        Assert.Equal(Plans.Select(p => p.Job.StartTime).Order(), Plans.Select(p => p.Job.StartTime));
        Assert.Equal(Enumerable.Range(0, Plans.Count).Select(i => DemoWorkload.FirstJobId + i), Plans.Select(p => p.Job.JobId));
        // "Last 24 hours" and "last 7 days" filters have something to show, and some jobs ran for days.
        Assert.InRange(Plans.Count(p => p.Job.StartTime > Now - 86400), 20, 200);
        Assert.InRange(Plans.Count(p => p.Job.Duration > 86400), 5, 200);
        Assert.InRange(Plans.Count(p => p.Job.Duration < 600), 100, 2000);
    }

    [Fact]
    public void Plan_People_FortyUsersInTheirOwnProjects()
    {
        var users = Plans.Select(p => p.Job.User).Distinct().ToList();
        Assert.InRange(users.Count, 35, 40);
        Assert.Contains("alice", users);
        Assert.Contains("bob", users);
        Assert.Equal(10, Plans.Select(p => p.Job.Project).Distinct().Count());
        var projectsOf = DemoPeople.Users.ToDictionary(u => u.Username, u => u.Projects);
        Assert.All(Plans, p => Assert.Contains(p.Job.Project, projectsOf[p.Job.User]));
    }

    [Fact]
    public void Plan_States_MostlyCompletedWithEveryFailureKind()
    {
        var states = Plans.GroupBy(p => p.Job.State).ToDictionary(g => g.Key, g => g.Count());

        Assert.InRange(states[JobStates.Completed], Plans.Count * 0.7, Plans.Count * 0.85);
        foreach (var state in (string[])[JobStates.Failed, JobStates.Cancelled, JobStates.Timeout, JobStates.OutOfMemory])
        {
            Assert.True(states.GetValueOrDefault(state) > 20, $"{state}: {states.GetValueOrDefault(state)}");
        }

        Assert.All(Plans.Where(p => p.Job.State == JobStates.Timeout), p => Assert.Equal(p.Job.Walltime, p.Job.Duration));
    }

    [Fact]
    public void Plan_Resources_OneToSixteenSyntheticNodesWithEveryHardwareThread()
    {
        var hosts = DemoCluster.SyntheticHosts(Cluster).ToHashSet();
        Assert.All(Plans, p =>
        {
            Assert.InRange(p.Job.NumNodes, 1, 16);
            Assert.Equal(p.Job.NumNodes, p.Job.Resources.Count);
            Assert.Equal(p.Job.NumNodes, p.Job.Resources.Select(r => r.Hostname).Distinct().Count());
            Assert.All(p.Job.Resources, r => Assert.Contains(r.Hostname, hosts));
            Assert.Equal(p.Job.NumNodes * 8, p.Job.NumHwthreads);
            Assert.Equal(DemoCluster.SyntheticSubClusterName, p.Job.SubCluster);
            Assert.Null(JobSanity.Check(p.Job));
        });
        Assert.True(Plans.Count(p => p.Job.NumNodes == 1) > Plans.Count / 3);
        Assert.Contains(Plans, p => p.Job.NumNodes == 16);
    }

    [Fact]
    public void Plan_Scheduler_ANodeRunsOneJobAtATimeMostly()
    {
        var overlaps = 0;
        foreach (var byHost in Plans.SelectMany(p => p.Job.Resources.Select(r => (r.Hostname, p.Job.StartTime, End: p.Job.StartTime + p.Job.Duration))).GroupBy(x => x.Hostname))
        {
            var ordered = byHost.OrderBy(x => x.StartTime).ToList();
            overlaps += ordered.Zip(ordered.Skip(1)).Count(pair => pair.Second.StartTime < pair.First.End);
        }

        Assert.True(overlaps < Plans.Count / 20, $"{overlaps} overlapping jobs");
    }

    [Fact]
    public void Plan_Metadata_JobNameScriptAndSomeTags()
    {
        Assert.All(Plans, p =>
        {
            Assert.False(string.IsNullOrEmpty(p.Job.MetaData!["jobName"]));
            Assert.StartsWith("#!/bin/bash\n#SBATCH", p.Job.MetaData["jobScript"], StringComparison.Ordinal);
            Assert.Contains($"--nodes={p.Job.NumNodes}", p.Job.MetaData["jobScript"], StringComparison.Ordinal);
        });
        var tags = Plans.SelectMany(p => p.Job.Tags ?? []).ToList();
        Assert.Contains(tags, t => t is { Type: "jobClass", Name: "lowload", Scope: TagScopes.Global });
        Assert.Contains(tags, t => t is { Type: "note", Scope: "alice" });
        Assert.All(Plans.Where(p => p.Job.Tags?.Any(t => t.Scope == "alice") == true), p => Assert.Equal("alice", p.Job.User));
        Assert.Contains(Plans, p => p.Job.MetaData!["jobName"] == "interactive");
    }
}
