using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Clusterdeck.Core.Archive;
using Clusterdeck.Core.Metrics.Archiving;
using Clusterdeck.Tests.Infrastructure;
using Clusterdeck.Tests.Jobs;

namespace Clusterdeck.Tests.Metrics.Archiving;

/// <summary>
/// The first "done when": over real HTTP, start a job, push its metrics as line protocol, read them while it runs,
/// stop it, and find meta.json and data.json whose statistics and footprint match values computed here by hand and that
/// validate against the reference schemas. Also: a source that cannot be reached ends in monitoring status 2 with the reason.
/// </summary>
public sealed class ArchivingEndToEndTests
{
    private const string Cluster = "e2e";

    // Every metric the reference schemas require of meta.json statistics and data.json, all at node scope, plus a power metric.
    private const string ClusterJson = """
        {
          "name": "e2e",
          "metricConfig": [
            { "name": "cpu_user", "unit": { "base": "" }, "scope": "node", "aggregation": "avg", "timestep": 60, "peak": 100, "normal": 50, "caution": 20, "alert": 10 },
            { "name": "cpu_load", "unit": { "base": "" }, "scope": "node", "aggregation": "avg", "timestep": 60, "peak": 16, "normal": 8, "caution": 2, "alert": 1, "footprint": "avg" },
            { "name": "mem_used", "unit": { "base": "B", "prefix": "G" }, "scope": "node", "aggregation": "sum", "timestep": 60, "peak": 64, "normal": 32, "caution": 48, "alert": 60, "footprint": "max", "lowerIsBetter": true },
            { "name": "flops_any", "unit": { "base": "F/s", "prefix": "G" }, "scope": "node", "aggregation": "sum", "timestep": 60, "peak": 500, "normal": 100, "caution": 20, "alert": 10, "footprint": "avg" },
            { "name": "mem_bw", "unit": { "base": "B/s", "prefix": "G" }, "scope": "node", "aggregation": "sum", "timestep": 60, "peak": 100, "normal": 50, "caution": 10, "alert": 5, "footprint": "avg" },
            { "name": "net_bw", "unit": { "base": "B/s" }, "scope": "node", "aggregation": "sum", "timestep": 60, "peak": 1e9, "normal": 1e8, "caution": 1e7, "alert": 1e6 },
            { "name": "cpu_power", "unit": { "base": "W" }, "scope": "node", "aggregation": "sum", "timestep": 60, "peak": 400, "normal": 200, "caution": 100, "alert": 50, "energy": "power" }
          ],
          "subClusters": [
            { "name": "main", "nodes": "e[01-04]", "processorType": "Test CPU", "socketsPerNode": 1, "coresPerSocket": 2, "threadsPerCore": 1,
              "flopRateScalar": { "unit": { "base": "F/s", "prefix": "G" }, "value": 14 },
              "flopRateSimd": { "unit": { "base": "F/s", "prefix": "G" }, "value": 112 },
              "memoryBandwidth": { "unit": { "base": "B/s", "prefix": "G" }, "value": 24 },
              "topology": { "node": [0, 1], "socket": [[0, 1]], "memoryDomain": [[0, 1]], "core": [[0], [1]] } }
          ]
        }
        """;

    /// <summary>Ten samples, one a minute, per metric and host.</summary>
    private static readonly Dictionary<string, Dictionary<string, double[]>> Samples = new()
    {
        ["cpu_user"] = new() { ["e01"] = [90, 90, 90, 90, 90, 80, 80, 80, 80, 80], ["e02"] = [50, 50, 50, 50, 50, 50, 50, 50, 50, 50] },
        ["cpu_load"] = new() { ["e01"] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], ["e02"] = [2, 2, 2, 2, 2, 2, 2, 2, 2, 2] },
        ["mem_used"] = new() { ["e01"] = [10, 10, 11, 11, 12, 12, 13, 13, 14, 14], ["e02"] = [20.5, 20.5, 20.5, 20.5, 20.5, 21.25, 21.25, 21.25, 21.25, 21.25] },
        ["flops_any"] = new() { ["e01"] = [100, 0, 100, 0, 100, 0, 100, 0, 100, 0], ["e02"] = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100] },
        ["mem_bw"] = new() { ["e01"] = [3.5, 3.5, 3.5, 3.5, 3.5, 3.5, 3.5, 3.5, 3.5, 3.5], ["e02"] = [1, 1, 1, 1, 1, 1, 1, 1, 1, 2] },
        ["net_bw"] = new() { ["e01"] = [1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000], ["e02"] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 500] },
        ["cpu_power"] = new() { ["e01"] = [200, 200, 200, 200, 200, 200, 200, 200, 200, 200], ["e02"] = [100, 100, 100, 100, 100, 100, 100, 100, 100, 100] },
    };

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunningJobWithPushedMetrics_Stopped_ArchivedWithHandComputedStatisticsFootprintAndEnergy_ValidAgainstSchemas()
    {
        await using var server = await ClusterdeckServer.StartAsync(["Archiving:Enabled=true"], prepare: PrepareArchive);
        var api = await ClientAsync(server);
        using var http = api.Http;
        // A job that started ten minutes ago (on a minute boundary) on two nodes.
        var startTime = ((DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 60) * 60) - 600;
        await CcJobApiClient.ExpectAsync(HttpStatusCode.Created, await api.PostAsync("/api/jobs/start_job/", StartBody(startTime)));

        // cc-metric-collector's line protocol, one sample in the middle of each minute of the run.
        var lines = new StringBuilder();
        foreach (var (metric, hosts) in Samples)
        {
            foreach (var (host, values) in hosts)
            {
                for (var i = 0; i < values.Length; i++)
                {
                    lines.Append(CultureInfo.InvariantCulture, $"{metric},hostname={host},type=node value={values[i]} {startTime + 30 + (i * 60)}\n");
                }
            }
        }

        var write = await http.PostAsync(new Uri($"/api/write?cluster={Cluster}", UriKind.Relative), new StringContent(lines.ToString(), Encoding.UTF8, "text/plain"), Token);
        Assert.True(write.IsSuccessStatusCode, $"/api/write answered {(int)write.StatusCode}: {await write.Content.ReadAsStringAsync(Token)}");

        // While it runs, the store answers what was pushed.
        var query = await CcJobApiClient.ExpectAsync(HttpStatusCode.OK, await api.PostAsync("/api/query?version=v2", $$"""
            { "cluster": "{{Cluster}}", "from": {{startTime}}, "to": {{startTime + 600}}, "with-stats": true, "with-data": true,
              "queries": [ { "metric": "cpu_load", "host": "e01" } ] }
            """));
        var running = query.GetProperty("results")[0][0];
        Assert.Equal(Samples["cpu_load"]["e01"], running.GetProperty("data").EnumerateArray().Where(v => v.ValueKind == JsonValueKind.Number).Select(v => v.GetDouble()));
        Assert.Equal(5.5, running.GetProperty("avg").GetDouble(), 6);

        var stopped = await CcJobApiClient.ExpectAsync(HttpStatusCode.OK, await api.PostAsync("/api/jobs/stop_job/",
            $$"""{ "jobId": 777, "cluster": "{{Cluster}}", "startTime": {{startTime}}, "jobState": "completed", "stopTime": {{startTime + 600}} }"""));
        var id = stopped.GetProperty("id").GetInt64();
        var listed = await ArchivingWait.UntilMonitoringStatusAsync(api, Cluster, id, status => status != 1);
        Assert.Equal(3, listed.GetProperty("monitoringStatus").GetInt32());

        var directory = new ArchivePaths(TestArchive.PathIn(server.DataDirectory)).JobDirectory(Cluster, 777, startTime);
        var metaJson = await File.ReadAllTextAsync(Path.Combine(directory, "meta.json"), Token);
        var dataJson = await ReadDataAsync(directory);
        Assert.Empty(ArchiveSchemas.Violations(await ArchiveSchemas.Meta, metaJson));
        // cc-backend's archiver cannot write the schema's "filesystems" array either: the only thing missing.
        var dataViolation = Assert.Single(ArchiveSchemas.Violations(await ArchiveSchemas.Data, dataJson));
        Assert.Contains("filesystems", dataViolation, StringComparison.Ordinal);
        Assert.EndsWith("PropertyRequired", dataViolation, StringComparison.Ordinal);

        // Statistics by hand: a node's average over its samples, rounded to 2 decimals; the job's avg is the sum of the
        // node averages over 2 nodes, rounded; min and max over both nodes.
        var meta = JsonDocument.Parse(metaJson).RootElement;
        var statistics = meta.GetProperty("statistics");
        AssertStatistics(statistics, "cpu_user", avg: 67.5, min: 50, max: 90); // (85 + 50) / 2
        AssertStatistics(statistics, "cpu_load", avg: 3.75, min: 1, max: 10); // (5.5 + 2) / 2
        AssertStatistics(statistics, "mem_used", avg: 16.44, min: 10, max: 21.25); // (12 + 20.875 -> 20.88) / 2 = 16.44
        AssertStatistics(statistics, "flops_any", avg: 52.5, min: 0, max: 100); // (50 + 55) / 2
        AssertStatistics(statistics, "mem_bw", avg: 2.3, min: 1, max: 3.5); // (3.5 + 1.1) / 2
        AssertStatistics(statistics, "net_bw", avg: 2775, min: 0, max: 10000); // (5500 + 50) / 2
        AssertStatistics(statistics, "cpu_power", avg: 150, min: 100, max: 200);
        Assert.Equal("G", statistics.GetProperty("mem_used").GetProperty("unit").GetProperty("prefix").GetString());

        // Footprint <metric>_<stat> per the metric config; energy: 150 W x 2 nodes x 600 s = 0.05 kWh.
        var footprint = new Dictionary<string, double> { ["cpu_load_avg"] = 3.75, ["mem_used_max"] = 21.25, ["flops_any_avg"] = 52.5, ["mem_bw_avg"] = 2.3 };
        Assert.Equal(footprint, meta.GetProperty("footprint").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble()));
        Assert.Equal(0.05, meta.GetProperty("energy").GetDouble());
        Assert.Equal(0.05, meta.GetProperty("energyFootprint").GetProperty("cpu_power").GetDouble());
        Assert.Equal((3, 600, "completed"), (meta.GetProperty("monitoringStatus").GetInt32(), meta.GetProperty("duration").GetInt32(), meta.GetProperty("jobState").GetString()));

        // The job table has the same footprint and energy.
        Assert.Equal(footprint, listed.GetProperty("footprint").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble()));
        Assert.Equal(0.05, listed.GetProperty("energy").GetDouble());

        // data.json: the samples at native resolution with two decimals, each node series with its rounded statistics.
        var data = JsonDocument.Parse(dataJson).RootElement;
        var memUsed = data.GetProperty("mem_used").GetProperty("node");
        Assert.Equal(60, memUsed.GetProperty("timestep").GetInt32());
        var e02 = memUsed.GetProperty("series").EnumerateArray().Single(s => s.GetProperty("hostname").GetString() == "e02");
        Assert.Equal(20.88, e02.GetProperty("statistics").GetProperty("avg").GetDouble());
        Assert.Equal(Samples["mem_used"]["e02"], e02.GetProperty("data").EnumerateArray().Where(v => v.ValueKind == JsonValueKind.Number).Select(v => v.GetDouble()));
        Assert.Contains("20.50,20.50,20.50,20.50,20.50,21.25", dataJson, StringComparison.Ordinal);
        Assert.Equal(2, data.GetProperty("cpu_load").GetProperty("node").GetProperty("series").GetArrayLength());
    }

    [Fact]
    public async Task SourceUnreachable_Stopped_Status2WithTheReasonInTheJobMetadata()
    {
        // A real cc-metric-store client pointed at a port nobody listens on; no retries, so the first failure is final.
        await using var server = await ClusterdeckServer.StartAsync(
            [
                "Archiving:Enabled=true",
                "Archiving:Retries=0",
                "MetricSource:Kind=cc-metric-store",
                $"MetricSource:Url=http://127.0.0.1:{LoopbackPort.FindFree()}",
                "MetricSource:Token=unused",
            ],
            prepare: PrepareArchive);
        var api = await ClientAsync(server);
        using var http = api.Http;
        var startTime = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 600;
        await CcJobApiClient.ExpectAsync(HttpStatusCode.Created, await api.PostAsync("/api/jobs/start_job/", StartBody(startTime)));
        var stopped = await CcJobApiClient.ExpectAsync(HttpStatusCode.OK, await api.PostAsync("/api/jobs/stop_job/",
            $$"""{ "jobId": 777, "cluster": "{{Cluster}}", "startTime": {{startTime}}, "stopTime": {{startTime + 600}} }"""));

        var job = await ArchivingWait.UntilMonitoringStatusAsync(api, Cluster, stopped.GetProperty("id").GetInt64(), status => status != 1);

        Assert.Equal(2, job.GetProperty("monitoringStatus").GetInt32());
        var reason = job.GetProperty("metaData").GetProperty(JobArchiver.FailureMetadataKey).GetString();
        Assert.StartsWith("loading metric data failed: ", reason, StringComparison.Ordinal);
        Assert.Equal("job-777", job.GetProperty("metaData").GetProperty("jobName").GetString());
        Assert.False(Directory.Exists(new ArchivePaths(TestArchive.PathIn(server.DataDirectory)).JobDirectory(Cluster, 777, startTime)));
    }

    private static void PrepareArchive(string dataDirectory)
    {
        var root = TestArchive.Create(dataDirectory);
        Directory.CreateDirectory(Path.Combine(root, Cluster));
        File.WriteAllText(Path.Combine(root, Cluster, "cluster.json"), ClusterJson);
    }

    private static async Task<CcJobApiClient> ClientAsync(ClusterdeckServer server)
    {
        var http = server.CreateClient();
        http.DefaultRequestHeaders.Add("X-Auth-Token", await server.AdminTokenAsync());
        return new CcJobApiClient(http);
    }

    private static string StartBody(long startTime) => $$"""
        {
          "jobId": 777, "user": "testuser", "project": "testproj", "cluster": "{{Cluster}}", "subCluster": "main",
          "numNodes": 2, "numHwthreads": 4, "walltime": 3600, "shared": "none",
          "resources": [ { "hostname": "e01", "hwthreads": [0, 1] }, { "hostname": "e02", "hwthreads": [0, 1] } ],
          "metaData": { "jobName": "job-777" },
          "startTime": {{startTime}}
        }
        """;

    private static void AssertStatistics(JsonElement statistics, string metric, double avg, double min, double max)
    {
        var s = statistics.GetProperty(metric);
        Assert.Equal((avg, min, max), (s.GetProperty("avg").GetDouble(), s.GetProperty("min").GetDouble(), s.GetProperty("max").GetDouble()));
    }

    private static async Task<string> ReadDataAsync(string directory)
    {
        var plain = Path.Combine(directory, "data.json");
        if (File.Exists(plain))
        {
            return await File.ReadAllTextAsync(plain, Token);
        }

        await using var gzip = new GZipStream(File.OpenRead(Path.Combine(directory, "data.json.gz")), CompressionMode.Decompress);
        return await new StreamReader(gzip).ReadToEndAsync(Token);
    }
}
