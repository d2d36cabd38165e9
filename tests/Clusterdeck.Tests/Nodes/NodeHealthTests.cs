using System.Text.Json.Nodes;
using Clusterdeck.Tests.GraphQL;

namespace Clusterdeck.Tests.Nodes;

/// <summary>
/// A node's health from the freshness of its metrics, pushed as line protocol to the in-process store and read back
/// through the server's metric source when states are posted: full, partial, failed, and changing as metrics stop.
/// </summary>
public abstract class NodeHealthTests : NodeStateTestsBase
{
    [Fact]
    public async Task Post_MetricsRecentSomeStaleOrNone_HealthFullPartialOrFailedWithTheMetricsNamed()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        await WriteMetricsAsync("testcluster", $"""
            load_one,hostname=host123,type=node value=1.5 {now - 30}
            mem_used,hostname=host123,type=node value=12 {now - 30}
            load_one,hostname=host124,type=node value=0.5 {now - 30}
            load_one,hostname=host125,type=node value=2 {now - 1200}
            mem_used,hostname=host125,type=node value=3 {now - 1200}
            """);

        await PostStatesAsync(Body("testcluster", ("host123", ["idle"]), ("host124", ["idle"]), ("host125", ["allocated"]), ("host126", ["mixed"])));

        var nodes = (await NodesAsync()).ToDictionary(n => n!["hostname"]!.GetValue<string>(), n => n!);
        AssertHealth(nodes["host123"], "full", degraded: [], missing: []);
        AssertHealth(nodes["host124"], "partial", degraded: [], missing: ["mem_used"]);
        AssertHealth(nodes["host125"], "failed", degraded: ["load_one", "mem_used"], missing: []);
        AssertHealth(nodes["host126"], "failed", degraded: [], missing: ["load_one", "mem_used"]);
        var healthCounts = (await Admin.QueryAsync("""{ nodes(filter: [{ healthState: failed }]) { count } }""")).Ok();
        Assert.Equal(2, healthCounts["nodes"]!["count"]!.GetValue<long>());
    }

    [Fact]
    public async Task Post_AfterMetricsStopArriving_HealthDropsAndTheHistoryShowsWhen()
    {
        // bigcluster's metrics come every second: healthy means a value within the last 5 seconds.
        var start = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        await WriteMetricsAsync("bigcluster", $"""
            load_one,hostname=fast01,type=node value=1 {start}
            mem_used,hostname=fast01,type=node value=1 {start}
            """);
        await PostStatesAsync(Body("bigcluster", ("fast01", ["idle"])));
        AssertHealth(Assert.Single(await NodesAsync())!, "full", degraded: [], missing: []);

        await Task.Delay(TimeSpan.FromSeconds(7), TestContext.Current.CancellationToken);
        await PostStatesAsync(Body("bigcluster", ("fast01", ["idle"])));
        AssertHealth(Assert.Single(await NodesAsync())!, "failed", degraded: ["load_one", "mem_used"], missing: []);

        await WriteMetricsAsync("bigcluster", $"load_one,hostname=fast01,type=node value=1 {DateTimeOffset.UtcNow.ToUnixTimeSeconds()}");
        await PostStatesAsync(Body("bigcluster", ("fast01", ["idle"])));
        AssertHealth(Assert.Single(await NodesAsync())!, "partial", degraded: ["mem_used"], missing: []);

        var history = await HistoryAsync("fast01");
        Assert.Equal(["full", "failed", "partial"], history.Select(h => h.HealthState));
        Assert.True(history[1].TimeStamp - history[0].TimeStamp >= 6);
    }

    private static void AssertHealth(JsonNode node, string state, string[] degraded, string[] missing)
    {
        Assert.Equal(state, node["healthState"]!.GetValue<string>());
        var data = node["healthData"]!;
        Assert.Equal(degraded, data["degraded"]!.AsArray().Select(m => m!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal(missing, data["missing"]!.AsArray().Select(m => m!.GetValue<string>()).Order(StringComparer.Ordinal));
    }
}
