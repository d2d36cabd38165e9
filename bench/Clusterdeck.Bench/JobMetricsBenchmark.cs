using System.Diagnostics;
using System.Globalization;
using System.Text;
using Clusterdeck.Core.Jobs;
using Clusterdeck.Core.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Clusterdeck.Bench;

/// <summary>
/// A running 64-node job's last 24 hours of node-scope data at 60 s for 10 metrics, read through
/// <see cref="IMetricSource.LoadJobDataAsync"/> from the in-process metric store (in this process, no HTTP): the
/// time a job page waits for its metric data. Target: under 100 ms.
/// </summary>
internal static class JobMetricsBenchmark
{
    private const string Cluster = "benchcluster";
    private const int Timestep = 60;

    private static readonly string[] Metrics =
        ["cpu_load", "mem_used", "flops_any", "mem_bw", "cpu_power", "clock", "ib_recv", "ib_xmit", "nfs4_read", "nfs4_write"];

    public static async Task<int> RunAsync(BenchArguments options)
    {
        var nodes = options.Int("--nodes", 64, 1, 4096);
        var hours = options.Int("--hours", 24, 1, 47);
        var runs = options.Int("--runs", 50, 1, 10_000);
        var settings = options.All("--setting");
        options.ThrowOnUnknown();

        Console.WriteLine(MachineInfo.Describe());
        using var data = new TempDirectory();
        WriteCluster(data.Path, nodes);
        await using var host = await BenchHost.StartAsync(data.Path, settings);
        var sink = host.Services.GetRequiredService<ILineProtocolSink>();
        var source = host.Services.GetRequiredService<IMetricSource>();

        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var start = now - (hours * 3600L);
        var hosts = Enumerable.Range(1, nodes).Select(Host).ToList();
        var clock = Stopwatch.StartNew();
        var points = await FillAsync(sink, hosts, start, now);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"stored {points:N0} points ({nodes} nodes × {Metrics.Length} metrics × {hours} h at {Timestep} s) in {clock.Elapsed.TotalSeconds:F1} s"));

        var job = new Job
        {
            JobId = 4711,
            User = "bench",
            Project = "bench",
            Cluster = Cluster,
            SubCluster = "main",
            NumNodes = nodes,
            State = JobStates.Running,
            StartTime = start,
            Resources = [.. hosts.Select(h => new JobResource { Hostname = h })],
        };

        var first = await source.LoadJobDataAsync(job, Metrics, [MetricScopes.Node], 0, CancellationToken.None);
        var samples = first.Data.Values.Sum(m => m[MetricScopes.Node].Series.Sum(s => s.Data.Length));
        if (first.Missing.Count > 0 || first.Data.Count != Metrics.Length)
        {
            throw new BenchmarkFailedException($"the job's data is incomplete: {first.Data.Count} metrics, missing: {string.Join("; ", first.Missing.Take(5))}");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"one load: {first.Data.Count} metrics, {samples:N0} samples"));
        await RepeatedTiming.MeasureAsync($"LoadJobDataAsync, {nodes} nodes × {Metrics.Length} metrics × {hours} h, node scope, native resolution", runs,
            () => source.LoadJobDataAsync(job, Metrics, [MetricScopes.Node], 0, CancellationToken.None));
        await RepeatedTiming.MeasureAsync($"LoadJobDataAsync, same, resolution 600 s", runs,
            () => source.LoadJobDataAsync(job, Metrics, [MetricScopes.Node], 600, CancellationToken.None));
        await RepeatedTiming.MeasureAsync($"LoadJobStatisticsAsync, same job", runs,
            () => source.LoadJobStatisticsAsync(job, Metrics, CancellationToken.None));
        return 0;
    }

    private static string Host(int i) => "b" + i.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>Writes one body per timestep (every host and metric), as a collector fleet would over a day.</summary>
    private static async Task<long> FillAsync(ILineProtocolSink sink, List<string> hosts, long from, long to)
    {
        long stored = 0;
        var random = new Random(11);
        var body = new StringBuilder();
        for (var time = from - (from % Timestep); time < to; time += Timestep)
        {
            body.Clear();
            var stamp = time.ToString(CultureInfo.InvariantCulture);
            foreach (var host in hosts)
            {
                foreach (var metric in Metrics)
                {
                    body.Append(metric).Append(",hostname=").Append(host).Append(",type=node value=")
                        .Append((random.NextDouble() * 100).ToString("F2", CultureInfo.InvariantCulture)).Append(' ').Append(stamp).Append('\n');
                }
            }

            var result = await sink.WriteAsync(Cluster, Encoding.UTF8.GetBytes(body.ToString()), CancellationToken.None);
            stored += result.Stored;
        }

        return stored;
    }

    private static void WriteCluster(string dataDirectory, int nodes)
    {
        var archive = Directory.CreateDirectory(Path.Combine(dataDirectory, "job-archive")).FullName;
        File.WriteAllText(Path.Combine(archive, "version.txt"), "3\n");
        var metrics = string.Join(",\n", Metrics.Select(m =>
            $$"""    { "name": "{{m}}", "unit": { "base": "" }, "scope": "node", "aggregation": "sum", "timestep": {{Timestep}}, "peak": 100, "normal": 50, "caution": 10, "alert": 5 }"""));
        var json = $$"""
            {
              "name": "{{Cluster}}",
              "metricConfig": [
            {{metrics}}
              ],
              "subClusters": [
                { "name": "main", "nodes": "b[0001-{{nodes.ToString("D4", CultureInfo.InvariantCulture)}}]", "processorType": "Bench CPU",
                  "socketsPerNode": 2, "coresPerSocket": 2, "threadsPerCore": 1,
                  "flopRateScalar": { "unit": { "base": "F/s", "prefix": "G" }, "value": 10 },
                  "flopRateSimd": { "unit": { "base": "F/s", "prefix": "G" }, "value": 40 },
                  "memoryBandwidth": { "unit": { "base": "B/s", "prefix": "G" }, "value": 20 },
                  "topology": { "node": [0, 1, 2, 3], "socket": [[0, 1], [2, 3]], "memoryDomain": [[0, 1], [2, 3]], "core": [[0], [1], [2], [3]] } }
              ]
            }
            """;
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(archive, Cluster)).FullName, "cluster.json"), json);
    }
}
