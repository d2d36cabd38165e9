using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Clusterdeck.Core.Archive;
using Clusterdeck.Core.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Clusterdeck.Bench;

/// <summary>
/// The large job of cc-backend's timeout report (24 nodes, 96 GPUs, 31 hours at 60 s) archived on alex, read back over
/// HTTP from a real server process: REST all-metrics, REST accelerator scope, GraphQL jobMetrics at native resolution
/// and downsampled. Times are to the last byte of the answer.
/// </summary>
internal static class JobDataBenchmark
{
    private const int Nodes = 24;
    private const int GpusPerNode = 4;
    private const int Timestep = 60;
    private const int Hours = 31;

    public static async Task<int> RunAsync(BenchArguments options)
    {
        var runs = options.Int("--runs", 5, 1, 1000);
        var serverDll = ClusterdeckCli.ResolveServerDll(options.String("--server"));
        options.ThrowOnUnknown();

        Console.WriteLine($"machine: {MachineInfo.Describe()}");
        using var data = new TempDirectory();
        JobSeeder.PrepareArchive(data.Path);
        long dbId;
        var samples = (Hours * 3600 / Timestep) + 1;
        await using (var host = await BenchHost.StartAsync(data.Path, []))
        {
            var (job, jobData) = LargeJob(samples);
            await host.Services.GetRequiredService<IJobArchive>().ImportJobAsync(job, jobData, CancellationToken.None);
            dbId = await host.Services.GetRequiredService<IJobStore>().AddAsync(job, CancellationToken.None);
            var series = jobData.Values.SelectMany(s => s.Values).Sum(m => m.Series.Count);
            Console.WriteLine($"job: {Nodes} nodes, {Nodes * GpusPerNode} GPUs, {Hours} h at {Timestep} s; {jobData.Count} metrics, {series} series, {series * (long)samples:N0} samples archived");
        }

        await using var server = ServerProcess.Start(serverDll, data.Path, new Dictionary<string, string>(), []);
        using var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        await server.WaitUntilReadyAsync(client, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(60));
        client.DefaultRequestHeaders.Add("X-Auth-Token", await ClusterdeckCli.AdminTokenAsync(serverDll, data.Path, []));

        await MeasureAsync("REST GET /api/jobs/{id}?all-metrics=true (node scope, native)", runs,
            () => client.GetAsync($"api/jobs/{dbId}?all-metrics=true", HttpCompletionOption.ResponseHeadersRead));
        await MeasureAsync("REST GET /api/jobs/metrics/{id}?scope=node&scope=accelerator (native)", runs,
            () => client.GetAsync($"api/jobs/metrics/{dbId}?scope=node&scope=accelerator", HttpCompletionOption.ResponseHeadersRead));
        const string Query = """
            query ($id: ID!, $resolution: Int) {
              jobMetrics(id: $id, scopes: [node, accelerator], resolution: $resolution) {
                name scope metric { unit { base prefix } timestep series { hostname id statistics { min avg max } data } statisticsSeries { min median max } }
              }
            }
            """;
        await MeasureAsync("GraphQL jobMetrics, all metrics, node + accelerator, native", runs,
            () => client.PostAsJsonAsync("query", new JsonObject { ["query"] = Query, ["variables"] = new JsonObject { ["id"] = dbId, ["resolution"] = 0 } }));
        await MeasureAsync("GraphQL jobMetrics, all metrics, node + accelerator, resolution 600", runs,
            () => client.PostAsJsonAsync("query", new JsonObject { ["query"] = Query, ["variables"] = new JsonObject { ["id"] = dbId, ["resolution"] = 600 } }));
        Console.WriteLine($"load average: {MachineInfo.LoadAverage()}");
        return 0;
    }

    private static async Task MeasureAsync(string what, int runs, Func<Task<HttpResponseMessage>> send)
    {
        var times = new List<double>(runs);
        long bytes = 0;
        for (var i = 0; i <= runs; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await send();
            await using var body = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[81920];
            long length = 0;
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0)
            {
                length += read;
            }

            clock.Stop();
            if (!response.IsSuccessStatusCode)
            {
                throw new BenchmarkFailedException($"{what}: HTTP {(int)response.StatusCode}");
            }

            bytes = length;
            if (i > 0)
            {
                times.Add(clock.Elapsed.TotalMilliseconds); // the first run warms up and is not counted
            }
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {bytes / 1e6:F1} MB, {runs} runs, p50 {Percentiles.Of(times, 50):F0} ms, max {times[^1]:F0} ms (cc-backend hit its 10/20/30 s limits)"));
    }

    private static (Job Job, JobData Data) LargeJob(int samples)
    {
        var hosts = Enumerable.Range(0, Nodes).Select(i => $"a0{1 + (i / 9)}2{1 + (i % 9)}").ToList();
        var gpus = Enumerable.Range(0, GpusPerNode).Select(g => $"00000000:{g + 1:X2}:00.0").ToList();
        var random = new Random(11);
        var data = new JobData();
        foreach (var (metric, unit, scope) in new (string, string, string)[]
        {
            ("cpu_load", "", "node"), ("cpu_user", "cpu user", "node"), ("mem_used", "B", "node"), ("flops_any", "F/s", "node"),
            ("mem_bw", "B/s", "node"), ("clock", "Hz", "node"), ("core_power", "W", "node"), ("cpu_power", "W", "node"), ("ipc", "IPC", "node"),
            ("acc_utilization", "%", "accelerator"), ("acc_mem_used", "B", "accelerator"), ("acc_power", "W", "accelerator"),
            ("nv_mem_util", "%", "accelerator"), ("nv_temp", "degC", "accelerator"), ("nv_sm_clock", "Hz", "accelerator"),
        })
        {
            var series = scope == "node"
                ? hosts.Select(h => Series(h, null, samples, random)).ToList()
                : hosts.SelectMany(h => gpus.Select(g => Series(h, g, samples, random))).ToList();
            var byScope = new Dictionary<string, JobMetric>(StringComparer.Ordinal)
            {
                [scope] = new JobMetric { Unit = new MetricUnit { Base = unit }, Timestep = Timestep, Series = series },
            };
            if (scope == "accelerator")
            {
                byScope["node"] = new JobMetric { Unit = new MetricUnit { Base = unit }, Timestep = Timestep, Series = [.. hosts.Select(h => Series(h, null, samples, random))] };
            }

            data[metric] = byScope;
        }

        var job = new Job
        {
            JobId = 4_242_424,
            User = "bench",
            Project = "bench",
            Cluster = "alex",
            SubCluster = "a40",
            Partition = "a40",
            NumNodes = Nodes,
            NumHwthreads = Nodes * 64,
            NumAcc = Nodes * GpusPerNode,
            State = JobStates.Completed,
            MonitoringStatus = MonitoringStatus.ArchivingSuccessful,
            StartTime = 1_700_000_000,
            Duration = Hours * 3600,
            Walltime = 36 * 3600,
            Resources = [.. hosts.Select(h => new JobResource { Hostname = h, Accelerators = gpus })],
        };
        return (job, data);
    }

    private static MetricSeries Series(string host, string? id, int samples, Random random)
    {
        var values = new float[samples];
        var level = random.NextDouble() * 100;
        for (var i = 0; i < samples; i++)
        {
            values[i] = (float)Math.Round(level + (Math.Sin(i / 30.0) * 10) + random.NextDouble(), 2);
        }

        var stats = new SeriesStatistics { Min = values.Min(), Avg = values.Average(), Max = values.Max() };
        return new MetricSeries { Hostname = host, Id = id, Statistics = stats, Data = values };
    }
}
