using System.Globalization;
using System.Text;
using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Jobs.Queries;
using Clusterdeck.Core.Metrics;
using Clusterdeck.Core.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace Clusterdeck.Bench;

/// <summary>
/// Node states in-process (the HTTP layer is measured by the loads): a whole cluster's state report as a Slurm adapter
/// sends it each cycle (every fritz node, health-checked against the metric source, stored with history), then the
/// GraphQL queries' services over the grown history: the node list, state counts and timed state counts.
/// </summary>
internal static class NodeStateBenchmark
{
    private static readonly string[] SlurmWords = ["idle", "allocated", "mixed", "down", "reserved"];

    public static async Task<int> RunAsync(BenchArguments options)
    {
        var runs = options.Int("--runs", 30, 1, 10_000);
        var settings = options.All("--setting");
        options.ThrowOnUnknown();

        Console.WriteLine(MachineInfo.Describe());
        Console.WriteLine(MachineInfo.LoadAverage());
        using var data = new TempDirectory();
        JobSeeder.PrepareArchive(data.Path);
        await using var host = await BenchHost.StartAsync(data.Path, settings);
        var nodes = host.Services.GetRequiredService<NodeService>();
        var catalog = host.Services.GetRequiredService<IClusterCatalog>();
        var fritz = catalog.Find("fritz") ?? throw new BenchmarkFailedException("the fritz cluster did not load");
        var hosts = fritz.SubClusters.SelectMany(s => NodeList.Parse(s.Nodes).Expand()).Distinct(StringComparer.Ordinal).ToList();
        var metrics = catalog.MetricConfigFor("fritz", fritz.SubClusters[0].Name, restrictedCaller: false).Select(m => m.Name).ToList();
        var source = host.Services.GetService<IMetricSource>() is null ? "none configured (health not checked: every node 'failed')" : "configured";
        Console.WriteLine($"provider: {string.Join(' ', settings.Where(s => s.StartsWith("Database:Provider", StringComparison.Ordinal)).DefaultIfEmpty("Database:Provider=Sqlite"))}");
        Console.WriteLine($"cluster fritz: {hosts.Count} nodes, {metrics.Count} metrics per node; metric source: {source}");

        // Every node's metrics arrive now, so the health check finds them all (full), as on a healthy cluster.
        if (host.Services.GetService<ILineProtocolSink>() is { } sink)
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            var lines = new StringBuilder();
            foreach (var hostname in hosts)
            {
                foreach (var metric in metrics)
                {
                    lines.Append(CultureInfo.InvariantCulture, $"{metric},hostname={hostname},type=node value=1 {now}\n");
                }
            }

            var written = await sink.WriteAsync("fritz", Encoding.UTF8.GetBytes(lines.ToString()), CancellationToken.None);
            Console.WriteLine($"pushed {written.Stored:N0} points ({written.Dropped:N0} dropped) to the in-process store");
        }

        var caller = Caller.Console;
        var random = new Random(11);
        IReadOnlyList<NodeStateReport> Report() =>
            [.. hosts.Select(h => new NodeStateReport(h, [SlurmWords[random.Next(SlurmWords.Length)]], random.Next(72), random.Next(256_000), 0, random.Next(4)))];

        await RepeatedTiming.MeasureAsync($"update: all {hosts.Count} nodes (health check + current state + history row each)", runs,
            () => nodes.UpdateStatesAsync(caller, "fritz", Report(), CancellationToken.None));
        var all = new NodeFilter { Cluster = StringInput.Equal("fritz") };
        await RepeatedTiming.MeasureAsync($"nodes: all {hosts.Count} of fritz by hostname", runs,
            () => nodes.QueryAsync(caller, [all], null, false, CancellationToken.None));
        await RepeatedTiming.MeasureAsync("nodes: idle nodes of fritz by jobsRunning descending", runs,
            () => nodes.QueryAsync(caller, [all, new NodeFilter { SchedulerState = SchedulerStates.Idle }], new NodeOrder("jobsRunning", true), false, CancellationToken.None));
        await RepeatedTiming.MeasureAsync("nodeStates: scheduler and health counts of fritz", runs,
            () => nodes.CountStatesAsync(caller, [all], CancellationToken.None));
        await RepeatedTiming.MeasureAsync($"nodeStatesTimed: scheduler states over the whole history ({(runs + 1) * hosts.Count:N0} rows)", runs,
            () => nodes.CountStatesTimedAsync(caller, [all], "node", CancellationToken.None));
        return 0;
    }
}
