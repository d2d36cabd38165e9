using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Clusterdeck.Tests.GraphQL;
using Clusterdeck.Tests.Infrastructure;
using Clusterdeck.Tests.Jobs;

namespace Clusterdeck.Tests.Metrics;

/// <summary>
/// A job that is not archived reads its data from the metric source: here the in-process store, fed over real HTTP with
/// line protocol on <c>/api/write</c>, and read back through REST and GraphQL while the job runs and after it stopped
/// (archiving is off in this server, so the stopped job stays with the source).
/// </summary>
public sealed class RunningJobMetricsTests : IAsyncLifetime
{
    private static readonly double[] LoadOne = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    private static readonly double[] MemUsed = [10, 10, 11, 11, 12, 12, 13, 13, 14, 14];

    private ClusterdeckServer _server = null!;
    private CcJobApiClient _api = null!;
    private long _startTime;
    private long _dbId;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await ClusterdeckServer.StartAsync(["Archiving:Enabled=false"], prepare: dataDirectory => TestArchive.Create(dataDirectory));
        var client = _server.CreateClient();
        client.DefaultRequestHeaders.Add("X-Auth-Token", await _server.AdminTokenAsync());
        _api = new CcJobApiClient(client);

        // Started ten minutes ago on a minute boundary; one sample in the middle of each minute, as a collector sends them.
        _startTime = ((DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 60) * 60) - 600;
        await CcJobApiClient.ExpectAsync(HttpStatusCode.Created, await _api.PostAsync("/api/jobs/start_job/", CcJobApiClient.StartBody(4711, _startTime)));
        var lines = new StringBuilder();
        for (var i = 0; i < LoadOne.Length; i++)
        {
            lines.Append(CultureInfo.InvariantCulture, $"load_one,hostname=host123,type=node value={LoadOne[i]} {_startTime + 30 + (i * 60)}\n");
            lines.Append(CultureInfo.InvariantCulture, $"mem_used,hostname=host123,type=node value={MemUsed[i]} {_startTime + 30 + (i * 60)}\n");
        }

        var write = await client.PostAsync(new Uri($"/api/write?cluster={TestArchive.TestClusterName}", UriKind.Relative),
            new StringContent(lines.ToString(), Encoding.UTF8, "text/plain"), Token);
        Assert.True(write.IsSuccessStatusCode, $"/api/write answered {(int)write.StatusCode}: {await write.Content.ReadAsStringAsync(Token)}");
        _dbId = (await _api.ListAsync("?state=running")).Single(j => j.GetProperty("jobId").GetInt64() == 4711).GetProperty("id").GetInt64();
    }

    public async ValueTask DisposeAsync()
    {
        _api.Http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task RestJobMetrics_RunningJob_AnswersThePushedSamples()
    {
        var answer = await CcJobApiClient.ExpectAsync(HttpStatusCode.OK,
            await _api.SendAsync(HttpMethod.Get, $"/api/jobs/metrics/{_dbId}?metric=load_one&metric=mem_used&scope=node"));

        var metrics = answer.GetProperty("data").GetProperty("jobMetrics").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!);
        Assert.Equal(["load_one", "mem_used"], metrics.Keys.Order());
        var load = metrics["load_one"].GetProperty("metric");
        Assert.Equal(60, load.GetProperty("timestep").GetInt32());
        var series = Assert.Single(load.GetProperty("series").EnumerateArray());
        Assert.Equal("host123", series.GetProperty("hostname").GetString());
        Assert.Equal(LoadOne, Numbers(series.GetProperty("data")));
        Assert.Equal(MemUsed, Numbers(metrics["mem_used"].GetProperty("metric").GetProperty("series")[0].GetProperty("data")));
    }

    [Fact]
    public async Task RestGetJob_AllMetrics_RunningJobDataFromTheStore()
    {
        var answer = await CcJobApiClient.ExpectAsync(HttpStatusCode.OK, await _api.SendAsync(HttpMethod.Get, $"/api/jobs/{_dbId}?all-metrics=true"));

        // A single-node job is asked at core scope, as cc-backend does; node-scope metrics answer at node scope.
        var data = answer.GetProperty("Data");
        Assert.Equal("running", answer.GetProperty("Meta").GetProperty("jobState").GetString());
        var series = data.GetProperty("load_one").EnumerateObject().Single().Value.GetProperty("series")[0];
        Assert.Equal(LoadOne, Numbers(series.GetProperty("data")));
    }

    [Fact]
    public async Task GraphQL_RunningJob_MetricsStatsAndScopedStatsFromTheStore()
    {
        var data = (await _api.Http.QueryAsync("""
            query ($id: ID!) {
              jobMetrics(id: $id) { name scope metric { timestep series { hostname data } } }
              jobStats(id: $id) { name data { avg min max } }
              scopedJobStats(id: $id, scopes: [node]) { name scope stats { hostname data { avg min max } } }
            }
            """, new { id = _dbId })).Ok();

        var load = data["jobMetrics"]!.AsArray().Single(m => m!["name"]!.GetValue<string>() == "load_one")!;
        Assert.Equal("node", load["scope"]!.GetValue<string>());
        Assert.Equal(LoadOne, load["metric"]!["series"]![0]!["data"]!.AsArray().Where(v => v is not null).Select(v => v!.GetValue<double>()));
        // One node: the job's avg is the node's average (5.5), min and max its extremes.
        var stats = data["jobStats"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "load_one")!["data"]!;
        Assert.Equal((5.5, 1.0, 10.0), (stats["avg"]!.GetValue<double>(), stats["min"]!.GetValue<double>(), stats["max"]!.GetValue<double>()));
        var scoped = data["scopedJobStats"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "mem_used")!;
        Assert.Equal("host123", scoped["stats"]![0]!["hostname"]!.GetValue<string>());
        Assert.Equal(12.0, scoped["stats"]![0]!["data"]!["avg"]!.GetValue<double>());
    }

    [Fact]
    public async Task StoppedButNotArchived_StillReadFromTheStore()
    {
        await CcJobApiClient.ExpectAsync(HttpStatusCode.OK, await _api.PostAsync("/api/jobs/stop_job/",
            $$"""{ "jobId": 4711, "cluster": "{{TestArchive.TestClusterName}}", "startTime": {{_startTime}}, "jobState": "completed", "stopTime": {{_startTime + 600}} }"""));

        var answer = await CcJobApiClient.ExpectAsync(HttpStatusCode.OK, await _api.SendAsync(HttpMethod.Get, $"/api/jobs/metrics/{_dbId}?metric=mem_used"));

        var metric = Assert.Single(answer.GetProperty("data").GetProperty("jobMetrics").EnumerateArray());
        Assert.Equal(MemUsed, Numbers(metric.GetProperty("metric").GetProperty("series")[0].GetProperty("data")));
    }

    [Fact]
    public async Task GraphQLNodeMetrics_AdminReadsNodeDataAndPagesTheSubclusterNodeList()
    {
        var from = DateTimeOffset.FromUnixTimeSeconds(_startTime).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var to = DateTimeOffset.FromUnixTimeSeconds(_startTime + 600).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        var data = (await _api.Http.QueryAsync("""
            query ($from: Time!, $to: Time!) {
              nodeMetrics(cluster: "testcluster", nodes: ["host123"], metrics: ["load_one", "no_such_metric"], from: $from, to: $to) {
                host subCluster metrics { name scope metric { timestep series { hostname data } } }
              }
              nodeMetricsList(cluster: "testcluster", subCluster: "sc1", stateFilter: "all", nodeFilter: "host", from: $from, to: $to,
                              page: { itemsPerPage: 2, page: 1 }) {
                items { host subCluster metrics { name } } totalNodes hasNextPage
              }
            }
            """, new { from, to })).Ok();

        var node = Assert.Single(data["nodeMetrics"]!.AsArray())!;
        Assert.Equal(("host123", "sc1"), (node["host"]!.GetValue<string>(), node["subCluster"]!.GetValue<string>()));
        var metric = Assert.Single(node["metrics"]!.AsArray())!;
        Assert.Equal("load_one", metric["name"]!.GetValue<string>());
        Assert.Equal(LoadOne, metric["metric"]!["series"]![0]!["data"]!.AsArray().Where(v => v is not null).Select(v => v!.GetValue<double>()));

        var list = data["nodeMetricsList"]!;
        Assert.Equal(["host123", "host124"], list["items"]!.AsArray().Select(i => i!["host"]!.GetValue<string>()));
        Assert.Equal(3, list["totalNodes"]!.GetValue<int>());
        Assert.True(list["hasNextPage"]!.GetValue<bool>());
        Assert.Contains("load_one", list["items"]![0]!["metrics"]!.AsArray().Select(m => m!["name"]!.GetValue<string>()));
    }

    private static double[] Numbers(JsonElement samples) =>
        [.. samples.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.Number).Select(v => v.GetDouble())];
}
