using System.Net;
using System.Text.Json.Nodes;
using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Nodes;
using Clusterdeck.Tests.GraphQL;
using Clusterdeck.Tests.Infrastructure;
using Clusterdeck.Tests.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Clusterdeck.Tests.Nodes;

/// <summary>
/// cc-backend's <c>/api/nodestate/</c> and the GraphQL node queries over real HTTP against the real host, on the
/// <c>testcluster</c> (sc1 = host123..host125, sc2 = host126..host128). One subclass per database engine.
/// </summary>
public abstract class NodeStateTestsBase : IAsyncLifetime
{
    protected ClusterdeckServer Server { get; private set; } = null!;

    /// <summary>The admin's token: cc's API (admin + api) and GraphQL as admin.</summary>
    protected CcJobApiClient Api { get; private set; } = null!;

    protected HttpClient Admin => Api.Http;

    protected abstract Task<string[]> DatabaseSettingsAsync();

    public async ValueTask InitializeAsync()
    {
        Server = await ClusterdeckServer.StartAsync(await DatabaseSettingsAsync(), prepare: PrepareArchive);
        var client = Server.CreateClient();
        client.DefaultRequestHeaders.Add("X-Auth-Token", await Server.AdminTokenAsync());
        Api = new CcJobApiClient(client);
    }

    public async ValueTask DisposeAsync()
    {
        Api.Http.Dispose();
        await Server.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// <c>testcluster</c>, and <c>bigcluster</c>: the same hardware, but its first subcluster takes every host (<c>*</c>) and
    /// its metrics come every second, so a health test sees them go stale within seconds.
    /// </summary>
    private static void PrepareArchive(string dataDirectory)
    {
        var root = TestArchive.Create(dataDirectory);
        var json = File.ReadAllText(Path.Combine(root, TestArchive.TestClusterName, "cluster.json"))
            .Replace("\"testcluster\"", "\"bigcluster\"", StringComparison.Ordinal)
            .Replace("host[123-125]", "*", StringComparison.Ordinal)
            .Replace("\"timestep\": 60", "\"timestep\": 1", StringComparison.Ordinal);
        Directory.CreateDirectory(Path.Combine(root, "bigcluster"));
        File.WriteAllText(Path.Combine(root, "bigcluster", "cluster.json"), json);
    }

    /// <summary>A body as a Slurm adapter sends it, one node per (hostname, states...) entry.</summary>
    protected static string Body(string cluster, params (string Host, string[] States)[] nodes) =>
        new JsonObject
        {
            ["cluster"] = cluster,
            ["nodes"] = new JsonArray([.. nodes.Select(n => (JsonNode)new JsonObject
            {
                ["hostname"] = n.Host,
                ["states"] = new JsonArray([.. n.States.Select(s => (JsonNode)JsonValue.Create(s)!)]),
                ["cpusAllocated"] = 4,
                ["memoryAllocated"] = 8192,
                ["gpusAllocated"] = 0,
                ["jobsRunning"] = 1,
            })]),
        }.ToJsonString();

    protected async Task<string> PostStatesAsync(string body, HttpMethod? method = null)
    {
        var answer = await CcJobApiClient.ExpectAsync(HttpStatusCode.OK, await Api.SendAsync(method ?? HttpMethod.Post, "/api/nodestate/", body));
        return answer.GetProperty("msg").GetString()!;
    }

    /// <summary>Pushes line protocol to the in-process metric store as a collector does.</summary>
    protected async Task WriteMetricsAsync(string cluster, string lines)
    {
        using var content = new StringContent(lines, System.Text.Encoding.UTF8, "text/plain");
        using var response = await Admin.PostAsync(new Uri($"/api/write?cluster={cluster}", UriKind.Relative), content, TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    protected async Task<JsonArray> NodesAsync(string filter = "[]", string order = "null")
    {
        var data = (await Admin.QueryAsync($$"""
            {
              nodes(filter: {{filter}}, order: {{order}}) {
                count
                items { id hostname cluster subCluster jobsRunning cpusAllocated memoryAllocated gpusAllocated schedulerState healthState metaData healthData }
              }
            }
            """)).Ok();
        var items = data["nodes"]!["items"]!.AsArray();
        Assert.Equal(items.Count, data["nodes"]!["count"]!.GetValue<long>());
        return items;
    }

    protected static string[] Hostnames(JsonArray nodes) => [.. nodes.Select(n => n!["hostname"]!.GetValue<string>())];

    protected async Task<IReadOnlyList<NodeStateRecord>> HistoryAsync(string hostname)
    {
        var service = Server.Services.GetRequiredService<NodeService>();
        var token = TestContext.Current.CancellationToken;
        var node = Assert.Single(await service.QueryAsync(
            Caller.Console, [new NodeFilter { Hostname = Core.Jobs.Queries.StringInput.Equal(hostname) }], null, false, token));
        return await service.HistoryAsync(Caller.Console, node.Id, 0, long.MaxValue, token);
    }
}
