using System.Net;
using System.Text.Json;
using Clusterdeck.Tests.Infrastructure;

namespace Clusterdeck.Tests.Jobs;

/// <summary>
/// cc-backend's job REST API over real HTTP with an api token: its own start/stop scenarios (from its
/// api_test.go), then every route with its error cases. Each subclass runs them on one database engine.
/// </summary>
public abstract class CcJobEndpointsTests : IAsyncLifetime
{
    private ClusterdeckServer _server = null!;
    private CcJobApiClient _api = null!;

    /// <summary><c>Section:Key=Value</c> settings that select a fresh, empty database of the engine under test.</summary>
    protected abstract Task<string[]> DatabaseSettingsAsync();

    public async ValueTask InitializeAsync()
    {
        _server = await ClusterdeckServer.StartAsync(await DatabaseSettingsAsync(), prepare: dataDirectory => TestArchive.Create(dataDirectory));
        var client = _server.CreateClient();
        client.DefaultRequestHeaders.Add("X-Auth-Token", await _server.AdminTokenAsync());
        _api = new CcJobApiClient(client);
    }

    public async ValueTask DisposeAsync()
    {
        _api.Http.Dispose();
        await _server.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task StartJob_ValidJob_Answers201AndIsListedAtOnceWithDefaults()
    {
        var body = await CcJobApiClient.ExpectAsync(HttpStatusCode.Created, await _api.PostAsync("/api/jobs/start_job/", CcJobApiClient.StartBody(123, 123456789)));

        Assert.Equal("""{"msg":"success"}""", body.GetRawText());
        var job = Assert.Single(await _api.ListAsync("?cluster=testcluster"));
        Assert.Equal(123, job.GetProperty("jobId").GetInt64());
        Assert.Equal("testuser", job.GetProperty("user").GetString());
        Assert.Equal("testproj", job.GetProperty("project").GetString());
        Assert.Equal("sc1", job.GetProperty("subCluster").GetString());
        Assert.Equal("default", job.GetProperty("partition").GetString());
        Assert.Equal(3600, job.GetProperty("walltime").GetInt64());
        Assert.Equal(8, job.GetProperty("numHwthreads").GetInt32());
        Assert.Equal("running", job.GetProperty("jobState").GetString());
        Assert.Equal("none", job.GetProperty("shared").GetString());
        Assert.Equal(1, job.GetProperty("monitoringStatus").GetInt32());
        Assert.Equal(1, job.GetProperty("smt").GetInt32());
        Assert.Equal(123456789, job.GetProperty("startTime").GetInt64());
        Assert.Equal("""[{"hostname":"host123","hwthreads":[0,1,2,3,4,5,6,7]}]""", job.GetProperty("resources").GetRawText());
        Assert.True(job.GetProperty("id").GetInt64() > 0);
    }

    [Fact]
    public async Task StartJob_StateInRequest_IsForcedToRunning()
    {
        await CcJobApiClient.ExpectAsync(HttpStatusCode.Created, await _api.PostAsync("/api/jobs/start_job/",
            CcJobApiClient.StartBody(7, 1000, extra: "\"jobState\": \"completed\",")));

        Assert.Equal("running", Assert.Single(await _api.ListAsync()).GetProperty("jobState").GetString());
    }

    [Fact]
    public async Task StopJob_RunningJob_CompletesWithDurationAndKeepsMetadata()
    {
        await CcJobApiClient.ExpectAsync(HttpStatusCode.Created, await _api.PostAsync("/api/jobs/start_job/", CcJobApiClient.StartBody(123, 123456789)));

        var stopped = await CcJobApiClient.ExpectAsync(HttpStatusCode.OK, await _api.PostAsync("/api/jobs/stop_job/",
            """{ "jobId": 123, "startTime": 123456789, "cluster": "testcluster", "jobState": "completed", "stopTime": 123457789 }"""));

        Assert.Equal("completed", stopped.GetProperty("jobState").GetString());
        Assert.Equal(1000, stopped.GetProperty("duration").GetInt32());
        var id = stopped.GetProperty("id").GetInt64();
        var full = await CcJobApiClient.ExpectAsync(HttpStatusCode.OK, await _api.SendAsync(HttpMethod.Get, $"/api/jobs/{id}"));
        var meta = full.GetProperty("Meta");
        Assert.Equal("completed", meta.GetProperty("jobState").GetString());
        Assert.Equal(1000, meta.GetProperty("duration").GetInt32());
        Assert.Equal("blablabla...", meta.GetProperty("metaData").GetProperty("jobScript").GetString());
        Assert.True(full.TryGetProperty("Data", out _));
    }

    [Fact]
    public async Task StartJob_SameJobIdWithinADay_Answers422()
    {
        await CcJobApiClient.ExpectAsync(HttpStatusCode.Created, await _api.PostAsync("/api/jobs/start_job/", CcJobApiClient.StartBody(123, 123456789)));

        var error = await CcJobApiClient.ExpectErrorAsync(HttpStatusCode.UnprocessableEntity,
            await _api.PostAsync("/api/jobs/start_job/", CcJobApiClient.StartBody(123, 123456790)));

        Assert.Contains("already exists", error, StringComparison.Ordinal);
        Assert.Single(await _api.ListAsync());
    }

    [Fact]
    public async Task StartJob_SameJobIdADayLater_IsANewJob()
    {
        await CcJobApiClient.ExpectAsync(HttpStatusCode.Created, await _api.PostAsync("/api/jobs/start_job/", CcJobApiClient.StartBody(123, 123456789)));
        await CcJobApiClient.ExpectAsync(HttpStatusCode.Created, await _api.PostAsync("/api/jobs/start_job/", CcJobApiClient.StartBody(123, 123456789 + 86400)));

        Assert.Equal(2, (await _api.ListAsync()).Length);
    }

    [Fact]
    public async Task StartAndStop_FailedJobWithoutHwthreadsOrStartTime_StopsTheJob()
    {
        const string start = """
            { "jobId": 12345, "user": "testuser", "project": "testproj", "cluster": "testcluster", "partition": "default",
              "walltime": 3600, "numNodes": 1, "shared": "none", "monitoringStatus": 1, "smt": 1,
              "resources": [ { "hostname": "host123" } ], "startTime": 12345678 }
            """;
        await CcJobApiClient.ExpectAsync(HttpStatusCode.Created, await _api.PostAsync("/api/jobs/start_job/", start));

        var stopped = await CcJobApiClient.ExpectAsync(HttpStatusCode.OK, await _api.PostAsync("/api/jobs/stop_job/",
            """{ "jobId": 12345, "cluster": "testcluster", "jobState": "failed", "stopTime": 12355678 }"""));

        Assert.Equal("failed", stopped.GetProperty("jobState").GetString());
        Assert.Equal("failed", Assert.Single(await _api.ListAsync("?state=failed")).GetProperty("jobState").GetString());
    }

    [Fact]
    public async Task UsedNodes_NoRunningJob_AnswersEmptyMap()
    {
        await CcJobApiClient.ExpectAsync(HttpStatusCode.Created, await _api.PostAsync("/api/jobs/start_job/", CcJobApiClient.StartBody(1, 123456789)));
        await CcJobApiClient.ExpectAsync(HttpStatusCode.OK, await _api.PostAsync("/api/jobs/stop_job/", """{ "jobId": 1, "stopTime": 123457789 }"""));

        var body = await CcJobApiClient.ExpectAsync(HttpStatusCode.OK, await _api.SendAsync(HttpMethod.Get, "/api/jobs/used_nodes?ts=123456790"));

        Assert.Equal("""{"usedNodes":{}}""", body.GetRawText());
    }

    [Fact]
    public async Task UsedNodes_RunningJobs_ListsTheirHostsPerCluster()
    {
        await CcJobApiClient.ExpectAsync(HttpStatusCode.Created, await _api.PostAsync("/api/jobs/start_job/", CcJobApiClient.StartBody(1, 1000, "host123")));
        await CcJobApiClient.ExpectAsync(HttpStatusCode.Created, await _api.PostAsync("/api/jobs/start_job/", CcJobApiClient.StartBody(2, 1000, "host126")));
        await CcJobApiClient.ExpectAsync(HttpStatusCode.Created, await _api.PostAsync("/api/jobs/start_job/", CcJobApiClient.StartBody(3, 5000, "host124")));

        var body = await CcJobApiClient.ExpectAsync(HttpStatusCode.OK, await _api.SendAsync(HttpMethod.Get, "/api/jobs/used_nodes?ts=2000"));

        Assert.Equal(["host123", "host126"], body.GetProperty("usedNodes").GetProperty("testcluster").EnumerateArray().Select(h => h.GetString()).Order());
    }

    [Theory]
    [InlineData("")]
    [InlineData("?ts=abc")]
    public async Task UsedNodes_MissingOrBadTimestamp_Answers400(string query) =>
        await CcJobApiClient.ExpectErrorAsync(HttpStatusCode.BadRequest, await _api.SendAsync(HttpMethod.Get, "/api/jobs/used_nodes" + query));

    [Fact]
    public async Task StopJob_ReusedJobIdStoppedBeforeAndAfterRestart_StopsTheNewestJob()
    {
        await CcJobApiClient.ExpectAsync(HttpStatusCode.Created, await _api.PostAsync("/api/jobs/start_job/", CcJobApiClient.StartBody(999, 200000000)));
        await CcJobApiClient.ExpectAsync(HttpStatusCode.OK, await _api.PostAsync("/api/jobs/stop_job/",
            """{ "jobId": 999, "startTime": 200000000, "cluster": "testcluster", "jobState": "failed", "stopTime": 200001000 }"""));

        // The server restarts between the two runs of the reused jobId (what was acknowledged must survive).
        _server = await _server.RestartAsync();
        _api.Http.Dispose();
        var client = _server.CreateClient();
        client.DefaultRequestHeaders.Add("X-Auth-Token", await _server.AdminTokenAsync());
        _api = new CcJobApiClient(client);

        await CcJobApiClient.ExpectAsync(HttpStatusCode.Created, await _api.PostAsync("/api/jobs/start_job/", CcJobApiClient.StartBody(999, 300000000)));
        var stopped = await CcJobApiClient.ExpectAsync(HttpStatusCode.OK, await _api.PostAsync("/api/jobs/stop_job/",
            """{ "jobId": 999, "startTime": 300000000, "cluster": "testcluster", "jobState": "completed", "stopTime": 300001000 }"""));

        Assert.Equal(300000000, stopped.GetProperty("startTime").GetInt64());
        Assert.Equal("completed", stopped.GetProperty("jobState").GetString());
        Assert.Equal(["completed", "failed"], (await _api.ListAsync()).Select(j => j.GetProperty("jobState").GetString()));
    }

    [Fact]
    public async Task StopJob_ErrorCases_AnswerCcBackendCodes()
    {
        await CcJobApiClient.ExpectAsync(HttpStatusCode.Created, await _api.PostAsync("/api/jobs/start_job/", CcJobApiClient.StartBody(5, 1000)));

        await CcJobApiClient.ExpectErrorAsync(HttpStatusCode.NotFound, await _api.PostAsync("/api/jobs/stop_job/", """{ "jobId": 6, "stopTime": 2000 }"""));
        await CcJobApiClient.ExpectErrorAsync(HttpStatusCode.BadRequest, await _api.PostAsync("/api/jobs/stop_job/", """{ "stopTime": 2000 }"""));
        await CcJobApiClient.ExpectErrorAsync(HttpStatusCode.BadRequest, await _api.PostAsync("/api/jobs/stop_job/", """{ "jobId": 5, "stopTime": 999 }"""));
        await CcJobApiClient.ExpectErrorAsync(HttpStatusCode.BadRequest, await _api.PostAsync("/api/jobs/stop_job/", """{ "jobId": 5, "stopTime": 2000, "jobState": "exploded" }"""));
        await CcJobApiClient.ExpectErrorAsync(HttpStatusCode.BadRequest, await _api.PostAsync("/api/jobs/stop_job/", """{ "jobId": 5, "stopTime": 2000, "color": "red" }"""));
        Assert.Equal("running", Assert.Single(await _api.ListAsync()).GetProperty("jobState").GetString());

        await CcJobApiClient.ExpectAsync(HttpStatusCode.OK, await _api.PostAsync("/api/jobs/stop_job/", """{ "jobId": 5, "stopTime": 2000 }"""));
        var error = await CcJobApiClient.ExpectErrorAsync(HttpStatusCode.UnprocessableEntity, await _api.PostAsync("/api/jobs/stop_job/", """{ "jobId": 5, "stopTime": 3000 }"""));
        Assert.Contains("already been stopped", error, StringComparison.Ordinal);
        Assert.Equal("completed", Assert.Single(await _api.ListAsync()).GetProperty("jobState").GetString());
    }

    [Fact]
    public async Task StopJobById_OlderRoute_StopsByDatabaseId()
    {
        await CcJobApiClient.ExpectAsync(HttpStatusCode.Created, await _api.PostAsync("/api/jobs/start_job/", CcJobApiClient.StartBody(5, 1000)));
        var id = Assert.Single(await _api.ListAsync()).GetProperty("id").GetInt64();

        var stopped = await CcJobApiClient.ExpectAsync(HttpStatusCode.OK, await _api.PostAsync($"/api/jobs/stop_job/{id}", """{ "jobState": "timeout", "stopTime": 4600 }"""));

        Assert.Equal("timeout", stopped.GetProperty("jobState").GetString());
        Assert.Equal(3600, stopped.GetProperty("duration").GetInt32());
        await CcJobApiClient.ExpectErrorAsync(HttpStatusCode.UnprocessableEntity, await _api.PostAsync($"/api/jobs/stop_job/{id + 100}", """{ "stopTime": 4600 }"""));
        await CcJobApiClient.ExpectErrorAsync(HttpStatusCode.BadRequest, await _api.PostAsync("/api/jobs/stop_job/abc", """{ "stopTime": 4600 }"""));
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{ "jobId": "123" }""")]
    [InlineData("""{ "jobId": 1, "user": "u", "project": "p", "cluster": "testcluster", "numNodes": 1, "resources": [{"hostname": "host123"}], "startTime": 1, "colour": 1 }""")]
    [InlineData("""{ "jobId": 1, "user": "u", "project": "p", "cluster": "testcluster", "numNodes": 99999999999, "resources": [{"hostname": "host123"}], "startTime": 1 }""")]
    [InlineData("""{ "jobId": 1, "user": "u", "project": "p", "cluster": "testcluster", "numNodes": 2, "resources": [{"hostname": "host123"}], "startTime": 1 }""")]
    [InlineData("""{ "jobId": 1, "user": "u", "project": "p", "cluster": "nosuchcluster", "numNodes": 1, "resources": [{"hostname": "host123"}], "startTime": 1 }""")]
    [InlineData("""{ "jobId": 1, "user": "u", "project": "p", "cluster": "../../etc", "numNodes": 1, "resources": [{"hostname": "host123"}], "startTime": 1 }""")]
    [InlineData("""{ "jobId": 1, "user": "u", "project": "p", "cluster": "testcluster", "numNodes": 1, "resources": [{"hostname": "unknown1"}], "startTime": 1 }""")]
    [InlineData("""{ "jobId": 1, "user": "u", "project": "p", "cluster": "testcluster", "subCluster": "sc9", "numNodes": 1, "resources": [{"hostname": "host123"}], "startTime": 1 }""")]
    [InlineData("""{ "jobId": 1, "user": "", "project": "p", "cluster": "testcluster", "numNodes": 0, "resources": [], "startTime": 1 }""")]
    [InlineData("""{ "jobId": -1, "user": "u", "project": "p", "cluster": "testcluster", "numNodes": 1, "resources": [{"hostname": "host123"}], "startTime": 1 }""")]
    [InlineData("""{ "jobId": 1, "user": "u", "project": "p", "cluster": "testcluster", "numNodes": 1, "resources": [{"hostname": "host123"}], "startTime": 1, "shared": "everyone" }""")]
    [InlineData("""{ "jobId": 1, "user": "u", "project": "p", "cluster": "testcluster", "numNodes": 1, "resources": [{"hostname": "host123"}], "startTime": 1, "monitoringStatus": 7 }""")]
    [InlineData("""[1, 2, 3]""")]
    [InlineData("")]
    public async Task StartJob_BadInput_Answers400AndWritesNothing(string body)
    {
        await CcJobApiClient.ExpectErrorAsync(HttpStatusCode.BadRequest, await _api.PostAsync("/api/jobs/start_job/", body));

        Assert.Empty(await _api.ListAsync());
    }

    [Fact]
    public async Task StartJob_SubclusterAssignedFromFirstHost()
    {
        await CcJobApiClient.ExpectAsync(HttpStatusCode.Created, await _api.PostAsync("/api/jobs/start_job/", CcJobApiClient.StartBody(1, 1000, "host127")));

        Assert.Equal("sc2", Assert.Single(await _api.ListAsync()).GetProperty("subCluster").GetString());
    }

    [Fact]
    public async Task ListJobs_QueryParameters_FilterPageAndLeaveOutMetadata()
    {
        for (var i = 1; i <= 5; i++)
        {
            await CcJobApiClient.ExpectAsync(HttpStatusCode.Created, await _api.PostAsync("/api/jobs/start_job/", CcJobApiClient.StartBody(i, 1000 * i)));
        }

        await CcJobApiClient.ExpectAsync(HttpStatusCode.OK, await _api.PostAsync("/api/jobs/stop_job/", """{ "jobId": 2, "stopTime": 2500 }"""));

        var page = await CcJobApiClient.ExpectAsync(HttpStatusCode.OK, await _api.SendAsync(HttpMethod.Get, "/api/jobs/?items-per-page=2&page=2"));
        Assert.Equal(2, page.GetProperty("items").GetInt32());
        Assert.Equal(2, page.GetProperty("page").GetInt32());
        Assert.Equal([3L, 2L], page.GetProperty("jobs").EnumerateArray().Select(j => j.GetProperty("jobId").GetInt64()));
        Assert.Equal(JsonValueKind.Null, page.GetProperty("jobs")[0].GetProperty("metaData").ValueKind);

        Assert.Equal([2L], (await _api.ListAsync("?state=completed")).Select(j => j.GetProperty("jobId").GetInt64()));
        Assert.Equal([4L, 3L], (await _api.ListAsync("?start-time=2500-4000&state=running")).Select(j => j.GetProperty("jobId").GetInt64()));
        Assert.Empty(await _api.ListAsync("?project=other"));
        Assert.Equal(5, (await _api.ListAsync("?project=testproj&cluster=testcluster")).Length);
        var withMeta = await _api.ListAsync("?with-metadata=true&items-per-page=1");
        Assert.Equal("blablabla...", Assert.Single(withMeta).GetProperty("metaData").GetProperty("jobScript").GetString());
    }

    [Theory]
    [InlineData("?colour=red")]
    [InlineData("?state=exploded")]
    [InlineData("?start-time=abc")]
    [InlineData("?start-time=1-2-3")]
    [InlineData("?page=x")]
    [InlineData("?items-per-page=0")]
    public async Task ListJobs_BadQuery_Answers400(string query) =>
        await CcJobApiClient.ExpectErrorAsync(HttpStatusCode.BadRequest, await _api.SendAsync(HttpMethod.Get, "/api/jobs/" + query));

    [Fact]
    public async Task GetJob_UnknownOrMalformedId_AnswersCcBackendCodes()
    {
        await CcJobApiClient.ExpectErrorAsync(HttpStatusCode.BadRequest, await _api.SendAsync(HttpMethod.Get, "/api/jobs/abc"));
        await CcJobApiClient.ExpectErrorAsync(HttpStatusCode.UnprocessableEntity, await _api.SendAsync(HttpMethod.Get, "/api/jobs/4242"));
        await CcJobApiClient.ExpectErrorAsync(HttpStatusCode.UnprocessableEntity, await _api.PostAsync("/api/jobs/4242", "[]"));
    }

    [Fact]
    public async Task GetJobWithMetrics_BodyMustBeAListOfNames()
    {
        await CcJobApiClient.ExpectAsync(HttpStatusCode.Created, await _api.PostAsync("/api/jobs/start_job/", CcJobApiClient.StartBody(1, 1000)));
        var id = Assert.Single(await _api.ListAsync()).GetProperty("id").GetInt64();

        var ok = await CcJobApiClient.ExpectAsync(HttpStatusCode.OK, await _api.PostAsync($"/api/jobs/{id}", """["load_one"]"""));

        Assert.Equal(1, ok.GetProperty("Meta").GetProperty("jobId").GetInt64());
        await CcJobApiClient.ExpectErrorAsync(HttpStatusCode.BadRequest, await _api.PostAsync($"/api/jobs/{id}", """{"metric": "load_one"}"""));
    }

    [Fact]
    public async Task TagJob_AddAndRemoveTags_AnswersTheJobWithItsTags()
    {
        await CcJobApiClient.ExpectAsync(HttpStatusCode.Created, await _api.PostAsync("/api/jobs/start_job/", CcJobApiClient.StartBody(1, 1000)));
        var id = Assert.Single(await _api.ListAsync()).GetProperty("id").GetInt64();

        var tagged = await CcJobApiClient.ExpectAsync(HttpStatusCode.OK, await _api.PostAsync($"/api/jobs/tag_job/{id}",
            """[{ "type": "app", "name": "vasp" }, { "type": "debug", "name": "check", "scope": "admin" }]"""));

        var tags = tagged.GetProperty("tags").EnumerateArray().Select(t => (t.GetProperty("type").GetString(), t.GetProperty("name").GetString(), t.GetProperty("scope").GetString())).ToList();
        Assert.Equal([("app", "vasp", "global"), ("debug", "check", "admin")], tags);
        Assert.Equal(2, Assert.Single(await _api.ListAsync()).GetProperty("tags").GetArrayLength());

        var untagged = await CcJobApiClient.ExpectAsync(HttpStatusCode.OK, await _api.SendAsync(HttpMethod.Delete, $"/api/jobs/tag_job/{id}",
            """[{ "type": "app", "name": "vasp", "scope": "global" }]"""));

        Assert.Equal(["check"], untagged.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        await CcJobApiClient.ExpectErrorAsync(HttpStatusCode.NotFound, await _api.PostAsync($"/api/jobs/tag_job/{id + 100}", """[{ "type": "a", "name": "b" }]"""));
        await CcJobApiClient.ExpectErrorAsync(HttpStatusCode.BadRequest, await _api.PostAsync($"/api/jobs/tag_job/{id}", """[{ "type": "a", "name": "b", "color": "red" }]"""));
    }

    [Fact]
    public async Task DeleteTags_GlobalTag_RemovesItFromEveryJob()
    {
        await CcJobApiClient.ExpectAsync(HttpStatusCode.Created, await _api.PostAsync("/api/jobs/start_job/", CcJobApiClient.StartBody(1, 1000, extra: """ "tags": [{ "type": "app", "name": "vasp" }], """)));

        var response = await _api.SendAsync(HttpMethod.Delete, "/api/tags/",
            """[{ "type": "app", "name": "vasp", "scope": "global" }, { "type": "app", "name": "mine", "scope": "testuser" }]""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Deleted Tags from DB: 1 successfull of 2 requested\n", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.False(Assert.Single(await _api.ListAsync()).TryGetProperty("tags", out var tags) && tags.GetArrayLength() > 0);
    }

    [Fact]
    public async Task EditMeta_ByIdAndByRequest_SetsTheKey()
    {
        await CcJobApiClient.ExpectAsync(HttpStatusCode.Created, await _api.PostAsync("/api/jobs/start_job/", CcJobApiClient.StartBody(1, 1000)));
        var id = Assert.Single(await _api.ListAsync()).GetProperty("id").GetInt64();

        var byId = await CcJobApiClient.ExpectAsync(HttpStatusCode.OK, await _api.PostAsync($"/api/jobs/edit_meta/{id}", """{ "key": "jobScript", "value": "#!/bin/sh" }"""));
        var byRequest = await CcJobApiClient.ExpectAsync(HttpStatusCode.OK, await _api.SendAsync(HttpMethod.Patch, "/api/jobs/edit_meta/",
            """{ "jobId": 1, "cluster": "testcluster", "startTime": 1000, "payload": { "key": "note", "value": "rerun" } }"""));

        Assert.Equal("#!/bin/sh", byId.GetProperty("metaData").GetProperty("jobScript").GetString());
        Assert.Equal("rerun", byRequest.GetProperty("metaData").GetProperty("note").GetString());
        var stored = await CcJobApiClient.ExpectAsync(HttpStatusCode.OK, await _api.SendAsync(HttpMethod.Get, $"/api/jobs/{id}"));
        Assert.Equal("#!/bin/sh", stored.GetProperty("Meta").GetProperty("metaData").GetProperty("jobScript").GetString());
        Assert.Equal("rerun", stored.GetProperty("Meta").GetProperty("metaData").GetProperty("note").GetString());
        await CcJobApiClient.ExpectErrorAsync(HttpStatusCode.NotFound, await _api.PostAsync($"/api/jobs/edit_meta/{id + 100}", """{ "key": "a", "value": "b" }"""));
        await CcJobApiClient.ExpectErrorAsync(HttpStatusCode.NotFound, await _api.SendAsync(HttpMethod.Patch, "/api/jobs/edit_meta/", """{ "jobId": 77, "payload": { "key": "a", "value": "b" } }"""));
        await CcJobApiClient.ExpectErrorAsync(HttpStatusCode.BadRequest, await _api.PostAsync($"/api/jobs/edit_meta/{id}", """{ "key": "a", "value": 5 }"""));
    }

    [Fact]
    public async Task DeleteJob_ByIdByRequestAndBefore_RemovesJobs()
    {
        for (var i = 1; i <= 4; i++)
        {
            await CcJobApiClient.ExpectAsync(HttpStatusCode.Created, await _api.PostAsync("/api/jobs/start_job/", CcJobApiClient.StartBody(i, 1000 * i)));
        }

        var id1 = (await _api.ListAsync()).Single(j => j.GetProperty("jobId").GetInt64() == 1).GetProperty("id").GetInt64();
        var byId = await CcJobApiClient.ExpectAsync(HttpStatusCode.OK, await _api.SendAsync(HttpMethod.Delete, $"/api/jobs/delete_job/{id1}"));
        Assert.Equal($"Successfully deleted job {id1}", byId.GetProperty("msg").GetString());
        await CcJobApiClient.ExpectErrorAsync(HttpStatusCode.UnprocessableEntity, await _api.SendAsync(HttpMethod.Delete, $"/api/jobs/delete_job/{id1}"));

        await CcJobApiClient.ExpectAsync(HttpStatusCode.OK, await _api.SendAsync(HttpMethod.Delete, "/api/jobs/delete_job/", """{ "jobId": 2, "cluster": "testcluster", "startTime": 2000 }"""));
        await CcJobApiClient.ExpectErrorAsync(HttpStatusCode.UnprocessableEntity, await _api.SendAsync(HttpMethod.Delete, "/api/jobs/delete_job/", """{ "jobId": 2 }"""));
        await CcJobApiClient.ExpectErrorAsync(HttpStatusCode.BadRequest, await _api.SendAsync(HttpMethod.Delete, "/api/jobs/delete_job/", """{ "cluster": "testcluster" }"""));

        var id3 = (await _api.ListAsync()).Single(j => j.GetProperty("jobId").GetInt64() == 3).GetProperty("id").GetInt64();
        await CcJobApiClient.ExpectAsync(HttpStatusCode.OK, await _api.PostAsync($"/api/jobs/tag_job/{id3}", """[{ "type": "keep", "name": "me" }]"""));
        var before = await CcJobApiClient.ExpectAsync(HttpStatusCode.OK, await _api.SendAsync(HttpMethod.Delete, "/api/jobs/delete_job_before/5000?omit-tagged=true"));
        Assert.Equal("Successfully deleted 1 jobs", before.GetProperty("msg").GetString());
        Assert.Equal([3L], (await _api.ListAsync()).Select(j => j.GetProperty("jobId").GetInt64()));
        await CcJobApiClient.ExpectErrorAsync(HttpStatusCode.BadRequest, await _api.SendAsync(HttpMethod.Delete, "/api/jobs/delete_job_before/x"));
        await CcJobApiClient.ExpectErrorAsync(HttpStatusCode.BadRequest, await _api.SendAsync(HttpMethod.Delete, "/api/jobs/delete_job_before/5000?omit-tagged=maybe"));
    }

    [Fact]
    public async Task JobRoutes_WithoutToken_Answer401()
    {
        using var anonymous = _server.CreateClient();

        var response = await anonymous.GetAsync("/api/jobs/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
