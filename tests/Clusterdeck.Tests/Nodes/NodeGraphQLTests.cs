using System.Text.Json.Nodes;
using Clusterdeck.Tests.GraphQL;

namespace Clusterdeck.Tests.Nodes;

/// <summary>
/// GraphQL <c>node</c>, <c>nodes</c>, <c>nodesWithMeta</c>, <c>nodeStates</c> and <c>nodeStatesTimed</c> with cc-backend's
/// names and types, over states posted through <c>/api/nodestate/</c>.
/// </summary>
public abstract class NodeGraphQLTests : NodeStateTestsBase
{
    /// <summary>Six nodes: sc1 host123 idle, host124 allocated, host125 down; sc2 host126 mixed, host127 idle, host128 allocated.</summary>
    private async Task SeedAsync() => await PostStatesAsync(Body("testcluster",
        ("host123", ["idle"]), ("host124", ["allocated"]), ("host125", ["down"]),
        ("host126", ["mixed"]), ("host127", ["idle"]), ("host128", ["allocated"])));

    [Fact]
    public async Task Nodes_Filters_SelectByClusterSubClusterHostnameAndStates()
    {
        await SeedAsync();

        Assert.Equal(6, (await NodesAsync("""[{ cluster: { eq: "testcluster" } }]""")).Count);
        Assert.Equal(["host126", "host127", "host128"], Hostnames(await NodesAsync("""[{ subCluster: { eq: "sc2" } }]""")));
        Assert.Equal(["host123", "host127"], Hostnames(await NodesAsync("""[{ schedulerState: "idle" }]""")));
        Assert.Equal(["host127"], Hostnames(await NodesAsync("""[{ schedulerState: "idle" }, { subCluster: { eq: "sc2" } }]""")));
        Assert.Equal(["host125"], Hostnames(await NodesAsync("""[{ healthState: full }]""")));
        Assert.Equal(["host124", "host125"], Hostnames(await NodesAsync("""[{ hostname: { in: ["host124", "host125", "nohost"] } }]""")));
        Assert.Equal(["host127"], Hostnames(await NodesAsync("""[{ hostname: { startsWith: "HOST12" } }, { hostname: { contains: "7" } }]""")));
        Assert.Equal(["host128"], Hostnames(await NodesAsync("""[{ hostname: { endsWith: "8" } }]""")));
        Assert.Equal(["host126", "host128"], Hostnames(await NodesAsync("""[{ hostname: { neq: "host127" } }, { subCluster: { eq: "sc2" } }]""")));
        Assert.Empty(await NodesAsync("""[{ cluster: { eq: "othercluster" } }]"""));
    }

    [Fact]
    public async Task Nodes_Order_ByAnyNodeFieldBothWays()
    {
        await SeedAsync();

        Assert.Equal(["host128", "host127", "host126", "host125", "host124", "host123"], Hostnames(await NodesAsync(order: """{ field: "hostname", type: "col", order: DESC }""")));
        Assert.Equal(["host124", "host128", "host125", "host123", "host127", "host126"], Hostnames(await NodesAsync(order: """{ field: "schedulerState", type: "col" }""")));
    }

    [Fact]
    public async Task Nodes_BadOrderOrFilter_AreErrorsThatSayWhy()
    {
        await SeedAsync();

        var field = await Admin.QueryAsync("""{ nodes(order: { field: "color", type: "col" }) { count } }""");
        Assert.Contains(field.Errors, e => e.Contains("nodes cannot be ordered by 'color'", StringComparison.Ordinal));
        var footprint = await Admin.QueryAsync("""{ nodes(order: { field: "flops_any_avg", type: "foot" }) { count } }""");
        Assert.Contains(footprint.Errors, e => e.Contains("nodes have no footprint", StringComparison.Ordinal));
        var state = await Admin.QueryAsync("""{ nodes(filter: [{ schedulerState: "sleeping" }]) { count } }""");
        Assert.Contains(state.Errors, e => e.Contains("Argument 'filter' has invalid value", StringComparison.Ordinal));
        Assert.Null(state.Data?["nodes"]);
    }

    [Fact]
    public async Task Node_ById_ReturnsThatNodeAndNullForAnUnknownId()
    {
        await SeedAsync();
        var host126 = (await NodesAsync("""[{ hostname: { eq: "host126" } }]"""))[0]!;
        var id = host126["id"]!.GetValue<string>();

        var data = (await Admin.QueryAsync($$"""{ node(id: "{{id}}") { id hostname subCluster schedulerState healthState } missing: node(id: "999999") { id } }""")).Ok();

        Assert.Equal(id, data["node"]!["id"]!.GetValue<string>());
        Assert.Equal("host126", data["node"]!["hostname"]!.GetValue<string>());
        Assert.Equal("mixed", data["node"]!["schedulerState"]!.GetValue<string>());
        Assert.Null(data["missing"]);
    }

    [Fact]
    public async Task NodesWithMeta_ListsNodesWithTheirMetaData()
    {
        await SeedAsync();

        var data = (await Admin.QueryAsync("""{ nodesWithMeta(filter: [{ subCluster: { eq: "sc1" } }]) { count items { hostname metaData } } }""")).Ok();

        Assert.Equal(3, data["nodesWithMeta"]!["count"]!.GetValue<long>());
        Assert.All(data["nodesWithMeta"]!["items"]!.AsArray(), n => Assert.Equal("{}", n!["metaData"]!.ToJsonString()));
    }

    [Fact]
    public async Task NodeStates_CountsSchedulerStatesThenHealthStates()
    {
        await SeedAsync();

        var counts = (await Admin.QueryAsync("""{ nodeStates(filter: [{ subCluster: { eq: "sc1" } }]) { state count } }""")).Ok()["nodeStates"]!.AsArray();

        var pairs = counts.Select(c => (c!["state"]!.GetValue<string>(), c["count"]!.GetValue<long>())).ToList();
        // Scheduler states first (allocated, down, idle in sc1), then health: host125 is down (full), the others are
        // checked against the metric source.
        Assert.Equal([("allocated", 1L), ("down", 1L), ("idle", 1L)], pairs.Take(3));
        Assert.Equal(3, pairs.Skip(3).Sum(p => p.Item2));
        Assert.Contains(("full", 1L), pairs.Skip(3));
    }

    [Fact]
    public async Task NodeStatesTimed_CountsHistoryRowsPerUpdateTimeAndRejectsAnUnknownType()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 1;
        await SeedAsync();
        await PostStatesAsync(Body("testcluster", ("host123", ["allocated"])));

        var data = (await Admin.QueryAsync($$"""
            {
              node: nodeStatesTimed(filter: [{ timeStart: {{before}} }], type: "node") { state counts times }
              health: nodeStatesTimed(filter: [{ timeStart: {{before}} }, { schedulerState: down }], type: "health") { state counts times }
              none: nodeStatesTimed(filter: [{ timeStart: {{before + 3600}} }], type: "node") { state }
            }
            """)).Ok();

        var timelines = data["node"]!.AsArray().ToDictionary(t => t!["state"]!.GetValue<string>(), t => t!);
        Assert.Equal(["allocated", "down", "idle", "mixed"], timelines.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(3, Sum(timelines["allocated"]["counts"]!)); // host124, host128, then host123
        Assert.Equal(2, Sum(timelines["idle"]["counts"]!));
        Assert.All(timelines.Values, t => Assert.Equal(t["counts"]!.AsArray().Count, t["times"]!.AsArray().Count));
        Assert.All(timelines.Values.SelectMany(t => t["times"]!.AsArray()), time => Assert.True(time!.GetValue<long>() > before));
        var health = Assert.Single(data["health"]!.AsArray())!;
        Assert.Equal("full", health["state"]!.GetValue<string>());
        Assert.Equal(1, Sum(health["counts"]!));
        Assert.Empty(data["none"]!.AsArray());

        var unknown = await Admin.QueryAsync("""{ nodeStatesTimed(type: "cpu") { state } }""");
        Assert.Contains(unknown.Errors, e => e.Contains("unknown Node State Query Type 'cpu'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NodeQueries_PlainUser_IsRefusedAsInCcBackend()
    {
        await SeedAsync();
        await Server.RunCommandAsync("user", "add", "alice", "--roles", "user", "--password", "pw-alice");
        using var alice = Server.CreateClient();
        alice.DefaultRequestHeaders.Add("X-Auth-Token", (await Server.RunCommandAsync("token", "alice")).SingleLine());

        var answer = await alice.QueryAsync("""{ nodes { count } nodeStates { state } }""");

        Assert.Contains(answer.Errors, e => e.Contains("you need to be administrator or support staff for this query", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NodeQueries_SupportStaff_MayRead()
    {
        await SeedAsync();
        await Server.RunCommandAsync("user", "add", "sam", "--roles", "support", "--password", "pw-sam");
        using var sam = Server.CreateClient();
        sam.DefaultRequestHeaders.Add("X-Auth-Token", (await Server.RunCommandAsync("token", "sam")).SingleLine());

        var data = (await sam.QueryAsync("""{ nodes { count } }""")).Ok();

        Assert.Equal(6, data["nodes"]!["count"]!.GetValue<long>());
    }

    private static long Sum(JsonNode counts) => counts.AsArray().Sum(c => c!.GetValue<long>());
}
