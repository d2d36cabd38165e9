using System.IO.Compression;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Clusterdeck.Tests.GraphQL;
using Clusterdeck.Tests.Infrastructure;
using Clusterdeck.Tests.Jobs;

namespace Clusterdeck.Tests.Metrics;

/// <summary>
/// The reference archive's two emmy jobs (32 nodes, 9 metrics, 1441 samples at 60 s), imported with <c>archive import</c>,
/// served through cc-backend's REST routes and GraphQL with and without downsampling. In this test's copies of the
/// cluster.json files, mem_used is marked <c>restrict</c>. The jobs belong to emmyUser6, who is a plain user here.
/// </summary>
public sealed class ArchivedJobMetricsTests : IAsyncLifetime
{
    private const long JobId = 1403244;
    private const int Samples = 1441;

    private ClusterdeckServer _server = null!;
    private CcJobApiClient _api = null!;
    private HttpClient _owner = null!;
    private HttpClient _stranger = null!;
    private long _dbId;

    public async ValueTask InitializeAsync()
    {
        _server = await ClusterdeckServer.StartAsync(prepare: dataDirectory =>
        {
            var root = TestArchive.CopyReference(dataDirectory);
            foreach (var name in (string[])["alex", "emmy", "fritz"])
            {
                var clusterFile = Path.Combine(root, name, "cluster.json");
                var cluster = JsonNode.Parse(File.ReadAllText(clusterFile))!;
                cluster["metricConfig"]!.AsArray().Single(m => m!["name"]!.GetValue<string>() == "mem_used")!["restrict"] = true;
                File.WriteAllText(clusterFile, cluster.ToJsonString());
            }
        });
        var import = await _server.RunCommandAsync("archive", "import");
        Assert.True(import.ExitCode == 0, import.Output + import.Error);
        await _server.RunCommandAsync("user", "add", "emmyUser6", "--roles", "user", "--password", "pw-owner");
        await _server.RunCommandAsync("user", "add", "stranger", "--roles", "user", "--password", "pw-stranger");

        var admin = _server.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Auth-Token", await _server.AdminTokenAsync());
        _api = new CcJobApiClient(admin);
        _owner = await ClientAsync("emmyUser6");
        _stranger = await ClientAsync("stranger");
        _dbId = (await _api.ListAsync("?cluster=emmy")).Single(j => j.GetProperty("jobId").GetInt64() == JobId).GetProperty("id").GetInt64();
    }

    public async ValueTask DisposeAsync()
    {
        _api.Http.Dispose();
        _owner.Dispose();
        _stranger.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task GetJob_AllMetrics_NodeScopeAtNativeResolutionWithStatisticsSeries()
    {
        var answer = await CcJobApiClient.ExpectAsync(HttpStatusCode.OK, await _api.SendAsync(HttpMethod.Get, $"/api/jobs/{_dbId}?all-metrics=true"));

        var data = answer.GetProperty("Data");
        Assert.Equal(9, data.EnumerateObject().Count());
        var flops = data.GetProperty("flops_any").GetProperty("node");
        Assert.Equal(60, flops.GetProperty("timestep").GetInt32());
        Assert.Equal(32, flops.GetProperty("series").GetArrayLength());
        Assert.All(flops.GetProperty("series").EnumerateArray(), s => Assert.Equal(Samples, s.GetProperty("data").GetArrayLength()));
        var statistics = flops.GetProperty("statisticsSeries");
        Assert.Equal(Samples, statistics.GetProperty("median").GetArrayLength());
        Assert.Equal(Samples, statistics.GetProperty("min").GetArrayLength());
        Assert.Equal(Samples, statistics.GetProperty("max").GetArrayLength());
        Assert.Equal(JobId, answer.GetProperty("Meta").GetProperty("jobId").GetInt64());
    }

    [Fact]
    public async Task GetJobMetrics_Resolution_DownsamplesWithLttbKeepingFirstAndLastSamples()
    {
        var original = await ArchivedSeriesAsync("flops_any");

        var answer = await CcJobApiClient.ExpectAsync(HttpStatusCode.OK,
            await _api.SendAsync(HttpMethod.Get, $"/api/jobs/metrics/{_dbId}?metric=flops_any&scope=node&resolution=600"));

        Assert.Equal(JsonValueKind.Null, answer.GetProperty("error").ValueKind);
        var metric = Assert.Single(answer.GetProperty("data").GetProperty("jobMetrics").EnumerateArray());
        Assert.Equal("flops_any", metric.GetProperty("name").GetString());
        Assert.Equal("node", metric.GetProperty("scope").GetString());
        Assert.Equal(600, metric.GetProperty("metric").GetProperty("timestep").GetInt32());
        foreach (var series in metric.GetProperty("metric").GetProperty("series").EnumerateArray())
        {
            var samples = series.GetProperty("data").EnumerateArray().Select(Sample).ToArray();
            var expected = original[series.GetProperty("hostname").GetString()!];
            Assert.Equal(Samples / 10, samples.Length);
            Assert.Equal(expected[0], samples[0]);
            Assert.Equal(expected[^1], samples[^1]);
            // Every kept sample is one of the originals (LTTB picks, it does not average).
            Assert.All(samples, s => Assert.Contains(s, expected));
        }

        Assert.Equal(Samples / 10, metric.GetProperty("metric").GetProperty("statisticsSeries").GetProperty("max").GetArrayLength());
    }

    [Fact]
    public async Task GetJobMetrics_NoResolution_NativeData()
    {
        var answer = await CcJobApiClient.ExpectAsync(HttpStatusCode.OK, await _api.SendAsync(HttpMethod.Get, $"/api/jobs/metrics/{_dbId}?metric=cpu_load&metric=mem_bw"));

        var metrics = answer.GetProperty("data").GetProperty("jobMetrics").EnumerateArray().ToList();
        Assert.Equal(["cpu_load", "mem_bw"], metrics.Select(m => m.GetProperty("name").GetString()).Order());
        Assert.All(metrics, m => Assert.Equal(Samples, m.GetProperty("metric").GetProperty("series")[0].GetProperty("data").GetArrayLength()));
    }

    [Fact]
    public async Task GetJobMetrics_BadScope_Is400()
    {
        var error = await CcJobApiClient.ExpectErrorAsync(HttpStatusCode.BadRequest, await _api.SendAsync(HttpMethod.Get, $"/api/jobs/metrics/{_dbId}?scope=rack"));

        Assert.Contains("rack", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetJobMetrics_UnknownJob_ErrorInTheBodyAsCcBackend()
    {
        var answer = await CcJobApiClient.ExpectAsync(HttpStatusCode.OK, await _api.SendAsync(HttpMethod.Get, "/api/jobs/metrics/987654"));

        Assert.Equal(JsonValueKind.Null, answer.GetProperty("data").ValueKind);
        Assert.Contains("987654", answer.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GraphQLJobMetrics_WithAndWithoutResolution()
    {
        const string Query = """
            query ($id: ID!, $resolution: Int) {
              jobMetrics(id: $id, metrics: ["flops_any", "mem_bw"], scopes: [node], resolution: $resolution) {
                name scope metric { unit { base prefix } timestep series { hostname statistics { min avg max } data } statisticsSeries { min median max mean } }
              }
            }
            """;

        var native = (await _api.Http.QueryAsync(Query, new { id = _dbId.ToString(System.Globalization.CultureInfo.InvariantCulture) })).Ok()["jobMetrics"]!.AsArray();
        var coarse = (await _api.Http.QueryAsync(Query, new { id = _dbId, resolution = 600 })).Ok()["jobMetrics"]!.AsArray();

        Assert.Equal(2, native.Count);
        var nativeFlops = native.Single(m => m!["name"]!.GetValue<string>() == "flops_any")!["metric"]!;
        var coarseFlops = coarse.Single(m => m!["name"]!.GetValue<string>() == "flops_any")!["metric"]!;
        Assert.Equal(60, nativeFlops["timestep"]!.GetValue<int>());
        Assert.Equal(600, coarseFlops["timestep"]!.GetValue<int>());
        Assert.Equal("G", nativeFlops["unit"]!["prefix"]!.GetValue<string>());
        Assert.Equal(32, coarseFlops["series"]!.AsArray().Count);
        Assert.Equal(Samples, nativeFlops["series"]![0]!["data"]!.AsArray().Count);
        Assert.Equal(Samples / 10, coarseFlops["series"]![0]!["data"]!.AsArray().Count);
        Assert.Equal(nativeFlops["series"]![0]!["data"]![0]!.ToJsonString(), coarseFlops["series"]![0]!["data"]![0]!.ToJsonString());
        Assert.Equal(Samples / 10, coarseFlops["statisticsSeries"]!["median"]!.AsArray().Count);
        Assert.Empty(coarseFlops["statisticsSeries"]!["mean"]!.AsArray());
        // Series statistics are rounded to two decimals, as cc-backend answers them.
        var avg = nativeFlops["series"]![0]!["statistics"]!["avg"]!.GetValue<double>();
        Assert.Equal(Math.Round(avg, 2), avg);
    }

    [Fact]
    public async Task GraphQLJobStats_FromMetaJson()
    {
        var data = (await _api.Http.QueryAsync($$"""{ jobStats(id: "{{_dbId}}", metrics: ["flops_any", "nonexistent"]) { name data { avg min max } } }""")).Ok();

        var stats = Assert.Single(data["jobStats"]!.AsArray());
        Assert.Equal("flops_any", stats!["name"]!.GetValue<string>());
        Assert.Equal(225.59, stats["data"]!["avg"]!.GetValue<double>());
        Assert.Equal(404.62, stats["data"]!["max"]!.GetValue<double>());
    }

    [Fact]
    public async Task GraphQLScopedJobStats_OneEntryPerNodeFromDataJson()
    {
        var data = (await _api.Http.QueryAsync($$"""{ scopedJobStats(id: "{{_dbId}}", metrics: ["mem_bw", "ipc"], scopes: [node]) { name scope stats { hostname id data { avg min max } } } }""")).Ok();

        var all = data["scopedJobStats"]!.AsArray();
        Assert.Equal(["ipc", "mem_bw"], all.Select(s => s!["name"]!.GetValue<string>()).Order());
        Assert.All(all, s => Assert.Equal(32, s!["stats"]!.AsArray().Count));
        // ipc's series carry no statistics in data.json; they are computed from the samples.
        var ipc = all.Single(s => s!["name"]!.GetValue<string>() == "ipc")!["stats"]![0]!["data"]!;
        Assert.True(ipc["max"]!.GetValue<double>() >= ipc["avg"]!.GetValue<double>());
    }

    [Fact]
    public async Task GraphQL_PlainUserOwner_SeesTheJobWithoutTheRestrictedMetric()
    {
        const string Query = """query ($id: ID!) { jobMetrics(id: $id) { name } globalMetrics { name } }""";

        var owner = (await _owner.QueryAsync(Query, new { id = _dbId })).Ok();
        var admin = (await _api.Http.QueryAsync(Query, new { id = _dbId })).Ok();

        var ownerMetrics = owner["jobMetrics"]!.AsArray().Select(m => m!["name"]!.GetValue<string>()).ToList();
        var adminMetrics = admin["jobMetrics"]!.AsArray().Select(m => m!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(8, ownerMetrics.Count);
        Assert.DoesNotContain("mem_used", ownerMetrics);
        Assert.Contains("mem_used", adminMetrics);
        Assert.DoesNotContain("mem_used", owner["globalMetrics"]!.AsArray().Select(m => m!["name"]!.GetValue<string>()));
        Assert.Contains("mem_used", admin["globalMetrics"]!.AsArray().Select(m => m!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task GraphQL_AnotherUsersJob_IsNotFound()
    {
        var response = await _stranger.QueryAsync("""query ($id: ID!) { jobMetrics(id: $id) { name } jobStats(id: $id) { name } }""", new { id = _dbId });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(2, response.Errors.Count);
        Assert.All(response.Errors, e => Assert.Contains("does not exist", e, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rest_PlainUserToken_IsRefusedAsCcBackendDoes()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/jobs/metrics/{_dbId}");
        var response = await _owner.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task GraphQLNodeMetrics_PlainUser_IsRefused()
    {
        var response = await _owner.QueryAsync("""{ nodeMetrics(cluster: "emmy", from: "2024-01-01T00:00:00Z", to: "2024-01-01T01:00:00Z") { host } }""");

        Assert.Contains(response.Errors, e => e.Contains("administrator or support", StringComparison.Ordinal));
    }

    private static float Sample(JsonElement value) => value.ValueKind == JsonValueKind.Null ? float.NaN : value.GetSingle();

    /// <summary>The metric's node series straight from the reference data.json.gz, by host.</summary>
    private static async Task<Dictionary<string, float[]>> ArchivedSeriesAsync(string metric)
    {
        var path = RepositoryPaths.Reference("clustercockpit/job-archive/emmy/1403/244/1608923076/data.json.gz");
        await using var file = File.OpenRead(path);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        var data = await JsonNode.ParseAsync(gzip, cancellationToken: TestContext.Current.CancellationToken);
        return data![metric]!["node"]!["series"]!.AsArray().ToDictionary(
            s => s!["hostname"]!.GetValue<string>(),
            s => s!["data"]!.AsArray().Select(v => v is null ? float.NaN : v.GetValue<float>()).ToArray());
    }

    private async Task<HttpClient> ClientAsync(string username)
    {
        var client = _server.CreateClient();
        client.DefaultRequestHeaders.Add("X-Auth-Token", (await _server.RunCommandAsync("token", username)).SingleLine());
        return client;
    }
}
