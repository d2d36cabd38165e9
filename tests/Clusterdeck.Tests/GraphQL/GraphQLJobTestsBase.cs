using System.Net;
using System.Text.Json.Nodes;
using Clusterdeck.Core.Jobs;
using Clusterdeck.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Clusterdeck.Tests.GraphQL;

/// <summary>
/// GraphQL over real HTTP against the real host with jobs in the real job table; one subclass per database.
/// alice and bob are plain users (projects p1 and p2), mona manages p2.
/// </summary>
public abstract class GraphQLJobTestsBase : IAsyncLifetime
{
    private static readonly long Now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private string _dataDirectory = null!;

    protected ClusterdeckServer Server { get; private set; } = null!;

    protected HttpClient Admin { get; private set; } = null!;

    protected HttpClient Alice { get; private set; } = null!;

    protected HttpClient Bob { get; private set; } = null!;

    protected HttpClient Mona { get; private set; } = null!;

    /// <summary>alice's running job on alex (footprint, energy, metadata, one node with a GPU).</summary>
    protected long AliceRunning { get; private set; }

    /// <summary>alice's finished 2 h job on fritz, 4 nodes.</summary>
    protected long AliceDone { get; private set; }

    /// <summary>bob's short job on alex (project p2), 2 nodes.</summary>
    protected long BobShort { get; private set; }

    protected abstract Task<IReadOnlyList<string>> DatabaseSettingsAsync();

    public async ValueTask InitializeAsync()
    {
        _dataDirectory = Directory.CreateTempSubdirectory("clusterdeck-graphql-").FullName;
        var archive = Path.Combine(_dataDirectory, "job-archive");
        Directory.CreateDirectory(archive);
        await File.WriteAllTextAsync(Path.Combine(archive, "version.txt"), "3\n", TestContext.Current.CancellationToken);
        foreach (var cluster in (string[])["alex", "fritz"])
        {
            Directory.CreateDirectory(Path.Combine(archive, cluster));
            File.Copy(RepositoryPaths.Reference($"clustercockpit/job-archive/{cluster}/cluster.json"), Path.Combine(archive, cluster, "cluster.json"));
        }

        Server = await ClusterdeckServer.StartAsync(await DatabaseSettingsAsync(), _dataDirectory);
        await Server.RunCommandAsync("user", "add", "alice", "--roles", "user", "--password", "pw-alice", "--email", "alice@example.org");
        await Server.RunCommandAsync("user", "add", "bob", "--roles", "user", "--password", "pw-bob");
        await Server.RunCommandAsync("user", "add", "mona", "--roles", "manager", "--password", "pw-mona", "--projects", "p2");
        Admin = await ClientAsync("admin");
        Alice = await ClientAsync("alice");
        Bob = await ClientAsync("bob");
        Mona = await ClientAsync("mona");

        var jobs = Server.Services.GetRequiredService<IJobStore>();
        var token = TestContext.Current.CancellationToken;
        AliceRunning = await jobs.AddAsync(new Job
        {
            JobId = 1001,
            User = "alice",
            Project = "p1",
            Cluster = "alex",
            SubCluster = "a40",
            Partition = "gpu",
            NumNodes = 1,
            NumHwthreads = 16,
            NumAcc = 1,
            Shared = SharedModes.None,
            MonitoringStatus = 1,
            State = JobStates.Running,
            StartTime = Now - 600,
            Walltime = 3600,
            Resources = [new JobResource { Hostname = "a0121", HwThreads = [0, 1], Accelerators = ["00000000:01:00.0"] }],
            MetaData = new Dictionary<string, string> { ["jobName"] = "train-model" },
            Footprint = new Dictionary<string, double> { ["flops_any_avg"] = 12.5, ["mem_used_max"] = 30 },
            EnergyFootprint = new Dictionary<string, double> { ["acc_power"] = 1.5, ["cpu_power"] = 0.5 },
            Energy = 2,
        }, token);
        AliceDone = await jobs.AddAsync(new Job
        {
            JobId = 1002,
            User = "alice",
            Project = "p1",
            Cluster = "fritz",
            SubCluster = "main",
            Partition = "multinode",
            NumNodes = 4,
            NumHwthreads = 288,
            Shared = SharedModes.None,
            MonitoringStatus = 1,
            State = JobStates.Completed,
            StartTime = Now - 86400,
            Duration = 7200,
            Walltime = 86400,
            Resources = [.. Enumerable.Range(1, 4).Select(i => new JobResource { Hostname = $"f010{i}" })],
        }, token);
        BobShort = await jobs.AddAsync(new Job
        {
            JobId = 1003,
            User = "bob",
            Project = "p2",
            Cluster = "alex",
            SubCluster = "a40",
            Partition = "gpu",
            NumNodes = 2,
            NumHwthreads = 32,
            NumAcc = 2,
            Shared = SharedModes.None,
            MonitoringStatus = 1,
            State = JobStates.Failed,
            StartTime = Now - 3600,
            Duration = 100,
            Walltime = 3600,
            Resources = [new JobResource { Hostname = "a0122" }, new JobResource { Hostname = "a0123" }],
        }, token);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in (HttpClient[])[Admin, Alice, Bob, Mona])
        {
            client?.Dispose();
        }

        await Server.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
        GC.SuppressFinalize(this);
    }

    private async Task<HttpClient> ClientAsync(string username)
    {
        var client = Server.CreateClient();
        client.DefaultRequestHeaders.Add("X-Auth-Token", (await Server.RunCommandAsync("token", username)).SingleLine());
        return client;
    }

    private static IEnumerable<long> Ids(JsonNode list) => list.AsArray().Select(j => long.Parse(j!["id"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task Jobs_FilteredSortedPaged_ReturnsPageCountAndNextPage()
    {
        var data = (await Admin.QueryAsync("""
            query($filter: [JobFilter!], $page: PageRequest, $order: OrderByInput) {
              jobs(filter: $filter, page: $page, order: $order) {
                items { id jobId user cluster subCluster startTime duration numNodes numHWThreads numAcc SMT shared partition arrayJobId monitoringStatus state walltime energy
                        resources { hostname hwthreads accelerators } footprint { name stat value } energyFootprint { hardware metric value } metaData userData { username email } }
                count hasNextPage offset limit
              }
            }
            """, new
        {
            filter = new object[] { new { cluster = new { eq = "alex" } } },
            page = new { itemsPerPage = 1, page = 1 },
            order = new { field = "startTime", type = "col", order = "DESC" },
        })).Ok()["jobs"]!;

        Assert.Equal(2, data["count"]!.GetValue<long>());
        Assert.True(data["hasNextPage"]!.GetValue<bool>());
        Assert.Equal(1, data["limit"]!.GetValue<long>());
        var job = Assert.Single(data["items"]!.AsArray())!;
        Assert.Equal(AliceRunning.ToString(System.Globalization.CultureInfo.InvariantCulture), job["id"]!.GetValue<string>());
        Assert.Equal(1001, job["jobId"]!.GetValue<long>());
        Assert.Equal("running", job["state"]!.GetValue<string>());
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(Now - 600).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), job["startTime"]!.GetValue<string>());
        Assert.Equal("a0121", job["resources"]![0]!["hostname"]!.GetValue<string>());
        Assert.Contains(job["footprint"]!.AsArray(), f => f!["name"]!.GetValue<string>() == "flops_any" && f["stat"]!.GetValue<string>() == "avg" && f["value"]!.GetValue<double>() == 12.5);
        Assert.Contains(job["energyFootprint"]!.AsArray(), f => f!["metric"]!.GetValue<string>() == "acc_power" && f["hardware"]!.GetValue<string>() == "Accelerator");
        Assert.Contains(job["energyFootprint"]!.AsArray(), f => f!["metric"]!.GetValue<string>() == "cpu_power" && f["hardware"]!.GetValue<string>() == "CPU");
        Assert.Equal("train-model", job["metaData"]!["jobName"]!.GetValue<string>());
        Assert.Equal("alice@example.org", job["userData"]!["email"]!.GetValue<string>());

        var second = (await Admin.QueryAsync("""
            { jobs(filter: [{cluster: {eq: "alex"}}], page: {itemsPerPage: 1, page: 2}, order: {field: "startTime", type: "col", order: DESC}) { items { id } hasNextPage } }
            """)).Ok()["jobs"]!;
        Assert.Equal([BobShort], Ids(second["items"]!));
        Assert.False(second["hasNextPage"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Jobs_Filters_StateDurationNodesUserAndStartTime()
    {
        async Task<IEnumerable<long>> MatchAsync(string filter) =>
            Ids((await Admin.QueryAsync($$"""{ jobs(filter: [{{filter}}]) { items { id } } }""")).Ok()["jobs"]!["items"]!);

        Assert.Equal([AliceRunning], await MatchAsync("{state: [running]}"));
        Assert.Equal([AliceDone], await MatchAsync("{duration: {from: 3600, to: 100000}}"));
        Assert.Equal([BobShort], await MatchAsync("{numNodes: {from: 2, to: 2}}"));
        Assert.Equal([AliceRunning, AliceDone], await MatchAsync("{user: {eq: \"alice\"}}"));
        Assert.Equal([BobShort], await MatchAsync("{user: {neq: \"alice\"}}"));
        Assert.Equal([AliceRunning], await MatchAsync("{jobName: {contains: \"train\"}}"));
        Assert.Equal([AliceRunning, BobShort], await MatchAsync("{startTime: {range: \"last6h\"}}"));
        var from = DateTimeOffset.FromUnixTimeSeconds(Now - 7200).ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal([AliceRunning, BobShort], await MatchAsync($"{{startTime: {{from: \"{from}\"}}}}"));
        Assert.Equal([AliceRunning], await MatchAsync("{metricStats: [{metricName: \"flops_any_avg\", range: {from: 10, to: 20}}]}"));
        Assert.Equal([AliceRunning, BobShort], await MatchAsync($"{{dbId: [\"{AliceRunning}\", \"{BobShort}\"]}}"));
    }

    [Fact]
    public async Task Jobs_BadFilterValue_IsAnErrorNotAResult()
    {
        var badState = await Admin.QueryAsync("{ jobs(filter: [{state: [\"exploded\"]}]) { count } }");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badState.Status);
        Assert.Contains(badState.Errors, e => e.Contains("filter", StringComparison.Ordinal));

        var badPage = await Admin.QueryAsync("{ jobs(page: {itemsPerPage: 0, page: 1}) { count } }");
        Assert.NotEmpty(badPage.Errors);

        var badOrder = await Admin.QueryAsync("{ jobs(order: {field: \"startTime\", type: \"sql\"}) { count } }");
        Assert.NotEmpty(badOrder.Errors);

        var badId = await Admin.QueryAsync("{ job(id: \"../1\") { id } }");
        Assert.NotEmpty(badId.Errors);
    }

    [Fact]
    public async Task Job_OwnerManagerAndAdminSeeIt_OtherUserDoesNot()
    {
        var query = $"{{ job(id: \"{BobShort}\") {{ id user }} }}";
        Assert.Equal("bob", (await Bob.QueryAsync(query)).Ok()["job"]!["user"]!.GetValue<string>());
        Assert.Equal("bob", (await Mona.QueryAsync(query)).Ok()["job"]!["user"]!.GetValue<string>());
        Assert.Equal("bob", (await Admin.QueryAsync(query)).Ok()["job"]!["user"]!.GetValue<string>());

        var denied = await Alice.QueryAsync(query);
        Assert.Equal(HttpStatusCode.OK, denied.Status);
        Assert.Single(denied.Errors);
        Assert.Null(denied.Data!["job"]);
    }

    [Fact]
    public async Task Jobs_ListsOnlyWhatTheCallerMaySee()
    {
        const string query = "{ jobs { items { id } count } }";
        Assert.Equal([AliceRunning, AliceDone], Ids((await Alice.QueryAsync(query)).Ok()["jobs"]!["items"]!));
        Assert.Equal([BobShort], Ids((await Bob.QueryAsync(query)).Ok()["jobs"]!["items"]!));
        Assert.Equal([BobShort], Ids((await Mona.QueryAsync(query)).Ok()["jobs"]!["items"]!));
        Assert.Equal(3, (await Admin.QueryAsync(query)).Ok()["jobs"]!["count"]!.GetValue<long>());
    }

    [Fact]
    public async Task JobsStatistics_GroupedByUser_CountsPerUser()
    {
        var rows = (await Admin.QueryAsync("""
            { jobsStatistics(groupBy: USER, sortBy: TOTALJOBS) { id totalJobs runningJobs shortJobs totalWalltime totalNodes totalNodeHours totalAccs } }
            """)).Ok()["jobsStatistics"]!.AsArray();
        var alice = rows.Single(r => r!["id"]!.GetValue<string>() == "alice")!;
        var bob = rows.Single(r => r!["id"]!.GetValue<string>() == "bob")!;
        Assert.Equal("alice", rows[0]!["id"]!.GetValue<string>()); // most jobs first
        Assert.Equal(2, alice["totalJobs"]!.GetValue<long>());
        Assert.Equal(1, alice["runningJobs"]!.GetValue<long>());
        Assert.Equal(1, bob["totalJobs"]!.GetValue<long>());
        Assert.Equal(1, bob["shortJobs"]!.GetValue<long>());
        Assert.Equal(2, bob["totalNodes"]!.GetValue<long>());

        var mine = (await Bob.QueryAsync("{ jobsStatistics { totalJobs histNumNodes { value count } } }")).Ok()["jobsStatistics"]!.AsArray();
        Assert.Equal(1, Assert.Single(mine)!["totalJobs"]!.GetValue<long>());
        Assert.Contains(mine[0]!["histNumNodes"]!.AsArray(), p => p!["value"]!.GetValue<long>() == 2 && p["count"]!.GetValue<long>() == 1);
    }

    [Fact]
    public async Task TagMutations_FollowScopeRules()
    {
        var priv = (await Alice.QueryAsync("mutation { createTag(type: \"note\", name: \"mine\", scope: \"alice\") { id type name scope } }")).Ok()["createTag"]!;
        Assert.Equal("alice", priv["scope"]!.GetValue<string>());
        var privId = priv["id"]!.GetValue<string>();

        var refused = await Alice.QueryAsync("mutation { createTag(type: \"note\", name: \"everyone\", scope: \"global\") { id } }");
        Assert.Contains("not authorized", Assert.Single(refused.Errors), StringComparison.Ordinal);

        var globalId = (await Admin.QueryAsync("mutation { createTag(type: \"issue\", name: \"io\", scope: \"global\") { id } }")).Ok()["createTag"]!["id"]!.GetValue<string>();
        var adminId = (await Admin.QueryAsync("mutation { createTag(type: \"issue\", name: \"secret\", scope: \"admin\") { id } }")).Ok()["createTag"]!["id"]!.GetValue<string>();

        var tagged = (await Alice.QueryAsync($"mutation {{ addTagsToJob(job: \"{AliceRunning}\", tagIds: [\"{privId}\"]) {{ id }} }}")).Ok()["addTagsToJob"]!.AsArray();
        Assert.Equal(privId, Assert.Single(tagged)!["id"]!.GetValue<string>());

        // alice may not write global tags, nor touch bob's job at all: nothing changes.
        Assert.NotEmpty((await Alice.QueryAsync($"mutation {{ addTagsToJob(job: \"{AliceRunning}\", tagIds: [\"{globalId}\"]) {{ id }} }}")).Errors);
        Assert.NotEmpty((await Alice.QueryAsync($"mutation {{ addTagsToJob(job: \"{BobShort}\", tagIds: [\"{privId}\"]) {{ id }} }}")).Errors);
        (await Admin.QueryAsync($"mutation {{ addTagsToJob(job: \"{AliceRunning}\", tagIds: [\"{globalId}\", \"{adminId}\"]) {{ id }} }}")).Ok();

        // Readers see the tags their scope allows: alice her own and the global one, not the admin one.
        var aliceView = (await Alice.QueryAsync($"{{ job(id: \"{AliceRunning}\") {{ tags {{ id }} }} }}")).Ok()["job"]!["tags"]!.AsArray().Select(t => t!["id"]!.GetValue<string>()).Order();
        Assert.Equal(new[] { privId, globalId }.Order(), aliceView);
        var bobTags = (await Bob.QueryAsync("{ tags { id } }")).Ok()["tags"]!.AsArray().Select(t => t!["id"]!.GetValue<string>());
        Assert.Equal([globalId], bobTags);

        var left = (await Alice.QueryAsync($"mutation {{ removeTagsFromJob(job: \"{AliceRunning}\", tagIds: [\"{privId}\"]) {{ id }} }}")).Ok()["removeTagsFromJob"]!.AsArray();
        Assert.Equal([globalId], left.Select(t => t!["id"]!.GetValue<string>()));

        // removeTagFromList is all or nothing: alice's own tag survives her refused attempt on the global one.
        Assert.NotEmpty((await Alice.QueryAsync($"mutation {{ removeTagFromList(tagIds: [\"{privId}\", \"{globalId}\"]) }}")).Errors);
        Assert.Contains((await Alice.QueryAsync("{ tags { id } }")).Ok()["tags"]!.AsArray(), t => t!["id"]!.GetValue<string>() == privId);
        var removed = (await Alice.QueryAsync($"mutation {{ removeTagFromList(tagIds: [\"{privId}\"]) }}")).Ok()["removeTagFromList"]!.AsArray();
        Assert.Equal(long.Parse(privId, System.Globalization.CultureInfo.InvariantCulture), Assert.Single(removed)!.GetValue<long>());
        Assert.Equal(globalId, (await Admin.QueryAsync($"mutation {{ deleteTag(id: \"{globalId}\") }}")).Ok()["deleteTag"]!.GetValue<string>());
    }

    [Fact]
    public async Task Clusters_FromArchive_WithDerivedSubclusterLists()
    {
        var clusters = (await Alice.QueryAsync("""
            { clusters { name partitions subClusters { name nodes numberOfNodes processorType socketsPerNode coresPerSocket threadsPerCore
                flopRateSimd { unit { base prefix } value } topology { node socket core accelerators { id type model } }
                metricConfig { name unit { base prefix } scope aggregation timestep peak normal caution alert lowerIsBetter subClusters { name peak remove } }
                footprint } } }
            """)).Ok()["clusters"]!.AsArray();
        Assert.Equal(["alex", "fritz"], clusters.Select(c => c!["name"]!.GetValue<string>()));
        Assert.Equal(["gpu"], clusters[0]!["partitions"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal(["multinode"], clusters[1]!["partitions"]!.AsArray().Select(p => p!.GetValue<string>()));
        var a40 = clusters[0]!["subClusters"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "a40")!;
        Assert.True(a40["numberOfNodes"]!.GetValue<long>() > 0);
        Assert.Contains(a40["metricConfig"]!.AsArray(), m => m!["name"]!.GetValue<string>() == "flops_any");
        Assert.Contains(a40["footprint"]!.AsArray(), f => f!.GetValue<string>() == "flops_any");
        Assert.NotEmpty(a40["topology"]!["accelerators"]!.AsArray());
    }
}
