using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Clusterdeck.Core.Archive;
using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Jobs;
using Clusterdeck.Core.Metrics;
using Clusterdeck.Core.Metrics.Archiving;
using Microsoft.Extensions.DependencyInjection;

namespace Clusterdeck.Bench;

/// <summary>
/// Archiving the reference emmy job 1403244 (32 nodes, 9 metrics × 1441 samples at 60 s), in-process: its data.json is
/// pushed into the metric store as line protocol (through <see cref="ILineProtocolSink"/>, shifted so that the job ended a
/// minute ago), the job is put into the job table, then <see cref="JobArchiver.ArchiveAsync"/> — load from the metric
/// source, statistics, footprint, writing data.json.gz and meta.json — is timed R times. Target: under 200 ms.
/// </summary>
internal static class ArchiveJobBenchmark
{
    private const string Cluster = "emmy";
    private const long JobId = 1403244;
    private const long ReferenceStartTime = 1608923076;
    private const int LinesPerWrite = 50_000;

    public static async Task<int> RunAsync(BenchArguments options)
    {
        var runs = options.Int("--runs", 20, 1, 10_000);
        var settings = options.All("--setting");
        options.ThrowOnUnknown();

        Console.WriteLine(MachineInfo.Describe());
        var referenceRoot = Path.Combine(ClusterdeckCli.RepositoryRoot(), "..", "shared", "reference", "clustercockpit", "job-archive");
        using var data = new TempDirectory();
        PrepareArchive(data.Path, referenceRoot);
        await using var host = await BenchHost.StartAsync(data.Path, settings);
        var services = host.Services;
        var archive = services.GetRequiredService<IJobArchive>();
        var referenceJob = (await archive.ReadMetaAsync(Cluster, JobId, ReferenceStartTime, CancellationToken.None))!;
        var referenceData = (await archive.ReadDataAsync(Cluster, JobId, ReferenceStartTime, CancellationToken.None))!;

        // The store keeps recent data only: the job is moved so that it ended a minute ago.
        var startTime = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - referenceJob.Duration - 60;
        var (lines, points) = LineProtocol(referenceData, startTime);
        var sink = services.GetRequiredService<ILineProtocolSink>();
        var clock = Stopwatch.StartNew();
        long stored = 0, dropped = 0;
        foreach (var chunk in lines.Chunk(LinesPerWrite))
        {
            var result = await sink.WriteAsync(Cluster, Encoding.UTF8.GetBytes(string.Join('\n', chunk)), CancellationToken.None);
            stored += result.Stored;
            dropped += result.Dropped;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"pushed {points:N0} samples of {referenceData.Count} metrics on {referenceJob.NumNodes} hosts in {clock.Elapsed.TotalMilliseconds:F0} ms: {stored:N0} stored, {dropped:N0} dropped"));

        var job = referenceJob with
        {
            Id = null,
            StartTime = startTime,
            MonitoringStatus = MonitoringStatus.RunningOrArchiving,
            Statistics = null,
            Footprint = null,
            EnergyFootprint = null,
            Energy = 0,
            Tags = null,
        };
        job = job with { Id = await services.GetRequiredService<IJobStore>().AddAsync(job, CancellationToken.None) };
        var archiver = services.GetRequiredService<JobArchiver>();
        var source = services.GetRequiredService<IMetricSource>();

        var first = await archiver.ArchiveAsync(job, CancellationToken.None); // warm-up: JIT, connection pools
        Report(first, referenceJob);

        var total = new List<double>(runs);
        var load = new List<double>(runs);
        string[] metrics = [.. services.GetRequiredService<IClusterCatalog>().MetricConfigFor(Cluster, job.SubCluster, restrictedCaller: false).Select(m => m.Name)];
        for (var i = 0; i < runs; i++)
        {
            clock.Restart();
            await archiver.ArchiveAsync(job, CancellationToken.None);
            total.Add(clock.Elapsed.TotalMilliseconds);

            clock.Restart();
            await source.LoadJobDataAsync(job, metrics, JobArchiver.ScopesFor(job), 0, CancellationToken.None);
            load.Add(clock.Elapsed.TotalMilliseconds);
        }

        total.Sort();
        load.Sort();
        var archiveFile = Directory.EnumerateFiles(Path.Combine(data.Path, "job-archive", Cluster), "data.json*", SearchOption.AllDirectories)
            .Single(f => f.Contains(startTime.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"archive one job (load + statistics + write {Path.GetFileName(archiveFile)}, {new FileInfo(archiveFile).Length / 1024.0:F0} KiB): {runs} runs, "
            + $"p50 {Percentiles.Of(total, 50):F1} ms, min {total[0]:F1} ms, max {total[^1]:F1} ms (target < 200 ms)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"of which loading from the metric source alone: p50 {Percentiles.Of(load, 50):F1} ms, min {load[0]:F1} ms, max {load[^1]:F1} ms"));
        return 0;
    }

    /// <summary>
    /// The reference emmy cluster with the job's files, plus <c>rapl_power</c> in the metric config (it is in the job's data
    /// but not in emmy's config) so all 9 metrics are archived.
    /// </summary>
    private static void PrepareArchive(string dataDirectory, string referenceRoot)
    {
        var jobPath = Path.Combine(Cluster, (JobId / 1000).ToString(CultureInfo.InvariantCulture), (JobId % 1000).ToString("000", CultureInfo.InvariantCulture),
            ReferenceStartTime.ToString(CultureInfo.InvariantCulture));
        if (!File.Exists(Path.Combine(referenceRoot, jobPath, "meta.json")))
        {
            throw new BenchmarkFailedException($"the reference job {jobPath} is missing under {referenceRoot}");
        }

        var archive = Directory.CreateDirectory(Path.Combine(dataDirectory, "job-archive")).FullName;
        var jobDirectory = Directory.CreateDirectory(Path.Combine(archive, jobPath)).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(referenceRoot, jobPath)))
        {
            File.Copy(file, Path.Combine(jobDirectory, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(archive, "version.txt"), "3\n");
        var cluster = JsonNode.Parse(File.ReadAllText(Path.Combine(referenceRoot, Cluster, "cluster.json")))!;
        cluster["metricConfig"]!.AsArray().Add(JsonNode.Parse("""
            { "name": "rapl_power", "unit": { "base": "W" }, "scope": "node", "aggregation": "sum", "timestep": 60,
              "peak": 500, "normal": 250, "caution": 100, "alert": 50, "energy": "power" }
            """));
        var directory = Directory.CreateDirectory(Path.Combine(archive, Cluster)).FullName;
        File.WriteAllText(Path.Combine(directory, "cluster.json"), cluster.ToJsonString());
    }

    /// <summary>One line per sample of every node-scope series, cc-metric-collector style; missing samples are not sent.</summary>
    private static (List<string> Lines, long Points) LineProtocol(JobData data, long startTime)
    {
        var lines = new List<string>(450_000);
        foreach (var (metric, scopes) in data)
        {
            var node = scopes[MetricScopes.Node];
            foreach (var series in node.Series)
            {
                for (var i = 0; i < series.Data.Length; i++)
                {
                    if (float.IsFinite(series.Data[i]))
                    {
                        lines.Add(string.Create(CultureInfo.InvariantCulture,
                            $"{metric},hostname={series.Hostname},type=node value={series.Data[i]} {startTime + (i * (long)node.Timestep)}"));
                    }
                }
            }
        }

        return (lines, lines.Count);
    }

    private static void Report(JobArchiveResult result, Job reference)
    {
        Console.WriteLine($"archived {result.Data.Count} metrics; missing: {(result.Missing.Count == 0 ? "nothing" : string.Join("; ", result.Missing))}");
        foreach (var (metric, statistics) in result.Job.Statistics!)
        {
            var was = reference.Statistics!.TryGetValue(metric, out var r) ? string.Create(CultureInfo.InvariantCulture, $"{r.Avg}/{r.Min}/{r.Max}") : "-";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {metric}: avg/min/max {statistics.Avg}/{statistics.Min}/{statistics.Max} (reference meta.json: {was})"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  energy {result.Job.Energy} kWh, footprint {string.Join(", ", result.Job.Footprint!.Select(f => $"{f.Key}={f.Value}"))}"));
    }
}
