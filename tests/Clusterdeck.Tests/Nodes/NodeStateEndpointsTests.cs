using System.Net;
using Clusterdeck.Tests.GraphQL;
using Clusterdeck.Tests.Jobs;

namespace Clusterdeck.Tests.Nodes;

/// <summary>Posting node states as cc-backend's adapters do: both verbs, history, cc's state words, bad bodies, access.</summary>
public abstract class NodeStateEndpointsTests : NodeStateTestsBase
{
    [Fact]
    public async Task Post_ValidBatch_StoresEachNodesCurrentState()
    {
        var message = await PostStatesAsync(Body("testcluster", ("host123", ["idle"]), ("host127", ["ALLOCATED"])));

        Assert.Equal("Updated the state of 2 node(s)", message);
        var nodes = await NodesAsync();
        Assert.Equal(["host123", "host127"], Hostnames(nodes));
        var first = nodes[0]!;
        Assert.Equal("testcluster", first["cluster"]!.GetValue<string>());
        Assert.Equal("sc1", first["subCluster"]!.GetValue<string>());
        Assert.Equal("idle", first["schedulerState"]!.GetValue<string>());
        Assert.Equal(4, first["cpusAllocated"]!.GetValue<long>());
        Assert.Equal(8192, first["memoryAllocated"]!.GetValue<long>());
        Assert.Equal(0, first["gpusAllocated"]!.GetValue<long>());
        Assert.Equal(1, first["jobsRunning"]!.GetValue<long>());
        Assert.Equal("sc2", nodes[1]!["subCluster"]!.GetValue<string>());
        Assert.Equal("allocated", nodes[1]!["schedulerState"]!.GetValue<string>());
        Assert.Equal("{}", first["metaData"]!.ToJsonString());
    }

    [Fact]
    public async Task PostThenPut_SameNode_CurrentStateIsTheNewestAndHistoryKeepsBoth()
    {
        await PostStatesAsync(Body("testcluster", ("host124", ["idle"])));
        await PostStatesAsync(Body("testcluster", ("host124", ["allocated"])), HttpMethod.Put);

        var node = Assert.Single(await NodesAsync());
        Assert.Equal("allocated", node!["schedulerState"]!.GetValue<string>());
        var history = await HistoryAsync("host124");
        Assert.Equal(["idle", "allocated"], history.Select(h => h.SchedulerState));
        Assert.True(history[0].TimeStamp <= history[1].TimeStamp);
        Assert.All(history, h => Assert.InRange(h.TimeStamp, DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60, DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
    }

    [Theory]
    [InlineData(new[] { "IDLE" }, "idle")]
    [InlineData(new[] { "idle", "down" }, "down")]
    [InlineData(new[] { "mixed" }, "mixed")]
    [InlineData(new[] { "reserved", "idle" }, "reserved")]
    [InlineData(new[] { "mixed", "allocated" }, "allocated")]
    [InlineData(new[] { "drain" }, "unknown")]
    [InlineData(new string[0], "unknown")]
    public async Task Post_ReportedStateWords_ReduceAsCcBackend(string[] states, string expected)
    {
        await PostStatesAsync(Body("testcluster", ("host125", states)));

        Assert.Equal(expected, Assert.Single(await NodesAsync())!["schedulerState"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_DownNode_IsNotHealthCheckedAndCountsAsFull()
    {
        await PostStatesAsync(Body("testcluster", ("host126", ["down"])));

        var node = Assert.Single(await NodesAsync())!;
        Assert.Equal("full", node["healthState"]!.GetValue<string>());
        Assert.Equal("{}", node["healthData"]!.ToJsonString());
    }

    [Fact]
    public async Task Post_FieldsLeftOut_AreZeroAsInGo()
    {
        await PostStatesAsync("""{ "cluster": "testcluster", "nodes": [ { "hostname": "host123", "states": ["idle"], "cpusAllocated": null } ] }""");

        var node = Assert.Single(await NodesAsync())!;
        Assert.Equal(0, node["cpusAllocated"]!.GetValue<long>());
        Assert.Equal(0, node["jobsRunning"]!.GetValue<long>());
    }

    [Fact]
    public async Task Post_EmptyOrMissingNodeList_StoresNothingAndSucceeds()
    {
        Assert.Equal("Updated the state of 0 node(s)", await PostStatesAsync("""{ "cluster": "testcluster", "nodes": [] }"""));
        Assert.Equal("Updated the state of 0 node(s)", await PostStatesAsync("""{ "cluster": "testcluster" }"""));
        Assert.Empty(await NodesAsync());
    }

    [Fact]
    public async Task Post_HostInNoSubCluster_IsSkippedAndNamedWhileTheOthersAreStored()
    {
        var message = await PostStatesAsync(Body("testcluster", ("host123", ["idle"]), ("login01", ["idle"])));

        Assert.Equal("Updated the state of 1 node(s); skipped 1 host(s) in no subcluster of testcluster: login01", message);
        Assert.Equal(["host123"], Hostnames(await NodesAsync()));
    }

    [Fact]
    public async Task Post_UnknownCluster_Answers400AndStoresNothing()
    {
        var error = await CcJobApiClient.ExpectErrorAsync(HttpStatusCode.BadRequest,
            await Api.PostAsync("/api/nodestate/", Body("nocluster", ("host123", ["idle"]))));

        Assert.Equal("unknown cluster: nocluster", error);
        Assert.Empty(await NodesAsync());
    }

    [Theory]
    [InlineData("""{ "cluster": "testcluster", "nodes": [], "extra": 1 }""", "parsing request body failed", "extra")]
    [InlineData("""{ "cluster": "testcluster", "nodes": [ { "hostname": "host123", "state": ["idle"] } ] }""", "parsing request body failed", "state")]
    [InlineData("""{ "cluster": "testcluster", "nodes": [ { "hostname": "host123", "cpusAllocated": "4" } ] }""", "parsing request body failed", "cpusAllocated")]
    [InlineData("""{ "cluster": "testcluster", "nodes": [ { "hostname": "host123", "cpusAllocated": 1.5 } ] }""", "parsing request body failed", "cpusAllocated")]
    [InlineData("""{ "cluster": "testcluster", "nodes": { "hostname": "host123" } }""", "parsing request body failed", "nodes")]
    [InlineData("""not json""", "parsing request body failed", "")]
    [InlineData("""{ "nodes": [ { "hostname": "host123" } ] }""", "the field 'cluster' is required", "")]
    [InlineData("""{ "cluster": "testcluster", "nodes": [ null ] }""", "nodes[0]: null instead of a node", "")]
    [InlineData("""{ "cluster": "testcluster", "nodes": [ { "states": ["idle"] } ] }""", "nodes[0]: the field 'hostname' is required", "")]
    [InlineData("""{ "cluster": "testcluster", "nodes": [ { "hostname": "host123" }, { "hostname": "host123" } ] }""", "nodes[1]: host 'host123' is already listed at nodes[0]", "")]
    [InlineData("""{ "cluster": "testcluster", "nodes": [ { "hostname": "host123", "memoryAllocated": -1 } ] }""", "nodes[0]: memoryAllocated must not be negative (-1)", "")]
    public async Task Post_BadBody_Answers400WithReasonAndStoresNothing(string body, string reason, string detail)
    {
        var error = await CcJobApiClient.ExpectErrorAsync(HttpStatusCode.BadRequest, await Api.PostAsync("/api/nodestate/", body));

        Assert.StartsWith(reason, error, StringComparison.Ordinal);
        Assert.Contains(detail, error, StringComparison.Ordinal);
        Assert.Empty(await NodesAsync());
    }

    [Fact]
    public async Task Post_OneBadNodeInABatch_NamesEveryProblemAndStoresNoneOfTheBatch()
    {
        var error = await CcJobApiClient.ExpectErrorAsync(HttpStatusCode.BadRequest, await Api.PostAsync("/api/nodestate/",
            """{ "cluster": "testcluster", "nodes": [ { "hostname": "host123" }, { "hostname": "" }, { "hostname": "host124", "jobsRunning": -2 } ] }"""));

        Assert.Equal("nodes[1]: the field 'hostname' is required; nodes[2]: jobsRunning must not be negative (-2)", error);
        Assert.Empty(await NodesAsync());
    }

    [Fact]
    public async Task Post_WithoutToken_Answers401InCcShape()
    {
        using var anonymous = Server.CreateClient();
        var response = await new CcJobApiClient(anonymous).PostAsync("/api/nodestate/", Body("testcluster", ("host123", ["idle"])));

        await CcJobApiClient.ExpectErrorAsync(HttpStatusCode.Unauthorized, response);
    }

    [Fact]
    public async Task Post_TokenOfPlainUser_Answers401()
    {
        await Server.RunCommandAsync("user", "add", "alice", "--roles", "user", "--password", "pw-alice");
        using var alice = Server.CreateClient();
        alice.DefaultRequestHeaders.Add("X-Auth-Token", (await Server.RunCommandAsync("token", "alice")).SingleLine());

        var response = await new CcJobApiClient(alice).PostAsync("/api/nodestate/", Body("testcluster", ("host123", ["idle"])));

        await CcJobApiClient.ExpectErrorAsync(HttpStatusCode.Unauthorized, response);
        Assert.Empty(await NodesAsync());
    }

    [Fact]
    public async Task Post_ManyNodes_AllStoredInOneRequest()
    {
        // More nodes than one SQL statement carries, on a cluster whose subcluster takes every host.
        var nodes = Enumerable.Range(0, 1200).Select(i => ($"big{i:D4}", new[] { i % 2 == 0 ? "idle" : "allocated" })).ToArray();
        Assert.Equal("Updated the state of 1200 node(s)", await PostStatesAsync(Body("bigcluster", nodes)));

        var counts = (await Admin.QueryAsync("""{ nodeStates(filter: [{ cluster: { eq: "bigcluster" } }]) { state count } }""")).Ok()["nodeStates"]!.AsArray();
        Assert.Equal(600, counts.Single(c => c!["state"]!.GetValue<string>() == "idle")!["count"]!.GetValue<long>());
        Assert.Equal(600, counts.Single(c => c!["state"]!.GetValue<string>() == "allocated")!["count"]!.GetValue<long>());
    }
}
