using System.Net;
using Clusterdeck.Tests.Infrastructure;

namespace Clusterdeck.Tests.Jobs;

/// <summary>Finished, archived jobs through cc-backend's REST routes: the reference emmy jobs, imported from the reference archive.</summary>
public sealed class ArchivedJobEndpointsTests : IAsyncLifetime
{
    private const int ReferenceJobId = 1403244;

    private ClusterdeckServer _server = null!;
    private CcJobApiClient _api = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await ClusterdeckServer.StartAsync(prepare: dataDirectory => TestArchive.CopyReference(dataDirectory));
        var import = await _server.RunCommandAsync("archive", "import");
        Assert.True(import.ExitCode == 0, import.Output);
        var client = _server.CreateClient();
        client.DefaultRequestHeaders.Add("X-Auth-Token", await _server.AdminTokenAsync());
        _api = new CcJobApiClient(client);
    }

    public async ValueTask DisposeAsync()
    {
        _api.Http.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<long> ReferenceJobDbIdAsync() =>
        (await _api.ListAsync("?cluster=emmy")).Single(j => j.GetProperty("jobId").GetInt64() == ReferenceJobId).GetProperty("id").GetInt64();

    [Fact]
    public async Task ListJobs_ArchivedJobs_CarryTheirStatisticsFromMetaJson()
    {
        var jobs = await _api.ListAsync("?cluster=emmy");

        Assert.Equal(2, jobs.Length);
        var job = jobs.Single(j => j.GetProperty("jobId").GetInt64() == ReferenceJobId);
        Assert.Equal(3, job.GetProperty("monitoringStatus").GetInt32());
        var flops = job.GetProperty("statistics").GetProperty("flops_any");
        Assert.Equal(225.59, flops.GetProperty("avg").GetDouble());
        Assert.Equal(404.62, flops.GetProperty("max").GetDouble());
        Assert.Equal("G", flops.GetProperty("unit").GetProperty("prefix").GetString());
    }

    [Fact]
    public async Task GetJob_AllMetrics_AnswersTheArchivedData()
    {
        var id = await ReferenceJobDbIdAsync();

        var plain = await CcJobApiClient.ExpectAsync(HttpStatusCode.OK, await _api.SendAsync(HttpMethod.Get, $"/api/jobs/{id}"));
        var full = await CcJobApiClient.ExpectAsync(HttpStatusCode.OK, await _api.SendAsync(HttpMethod.Get, $"/api/jobs/{id}?all-metrics=true"));

        Assert.Equal(System.Text.Json.JsonValueKind.Null, plain.GetProperty("Data").ValueKind);
        var data = full.GetProperty("Data");
        Assert.Equal(9, data.EnumerateObject().Count());
        var node = data.GetProperty("flops_any").GetProperty("node");
        Assert.Equal(32, node.GetProperty("series").GetArrayLength());
        Assert.Equal(ReferenceJobId, full.GetProperty("Meta").GetProperty("jobId").GetInt64());
    }

    [Fact]
    public async Task PostJob_MetricNames_AnswersThoseMetricsWithNameAndScope()
    {
        var id = await ReferenceJobDbIdAsync();

        var answer = await CcJobApiClient.ExpectAsync(HttpStatusCode.OK, await _api.PostAsync($"/api/jobs/{id}", """["flops_any", "mem_bw"]"""));

        var names = answer.GetProperty("Data").EnumerateArray().Select(m => m.GetProperty("name").GetString()).Distinct().Order();
        Assert.Equal(["flops_any", "mem_bw"], names);
        Assert.All(answer.GetProperty("Data").EnumerateArray(), m => Assert.True(m.GetProperty("metric").GetProperty("series").GetArrayLength() > 0));
    }
}
