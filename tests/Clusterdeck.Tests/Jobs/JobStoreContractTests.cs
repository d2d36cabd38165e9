using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Errors;
using Clusterdeck.Core.Jobs;
using Clusterdeck.Core.Jobs.Queries;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Clusterdeck.Tests.Jobs;

/// <summary>What the job and tag stores must do on every database engine. Each subclass runs it on a real one.</summary>
public abstract class JobStoreContractTests : IAsyncLifetime
{
    private ServiceProvider _services = null!;
    private readonly FakeTimeProvider _clock = JobDatabase.Clock();

    private IJobStore Jobs => _services.GetRequiredService<IJobStore>();

    private ITagStore Tags => _services.GetRequiredService<ITagStore>();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary><c>Section:Key=Value</c> settings for a fresh, empty database of the provider under test.</summary>
    protected abstract Task<string[]> DatabaseSettingsAsync();

    public async ValueTask InitializeAsync() => _services = await JobDatabase.StartAsync(await DatabaseSettingsAsync(), _clock);

    public virtual async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private async Task<Dictionary<long, long>> SeedAsync()
    {
        var ids = new Dictionary<long, long>();
        foreach (var job in SampleJobs.Set)
        {
            ids[job.JobId] = await Jobs.AddAsync(job, Token);
        }

        return ids;
    }

    private async Task<long[]> JobIdsAsync(JobFilter filter, JobVisibility? visibility = null)
    {
        var page = await Jobs.QueryAsync(new JobQuery { Filters = [filter], Order = new JobOrder("jobId") }, visibility ?? JobVisibility.All, Token);
        Assert.Equal(page.Items.Count, page.Count);
        return [.. page.Items.Select(j => j.JobId)];
    }

    [Fact]
    public async Task Add_ThenGet_ReturnsEveryField()
    {
        var job = SampleJobs.Set[0] with { RequestedMemory = 4096, Smt = 2, Tags = [new Tag { Type = "app", Name = "vasp" }] };

        var id = await Jobs.AddAsync(job, Token);
        var stored = await Jobs.GetAsync(id, Token);

        Assert.NotNull(stored);
        Assert.Equal(id, stored.Id);
        var tag = Assert.Single(stored.Tags!);
        Assert.Equal(("app", "vasp", TagScopes.Global), (tag.Type, tag.Name, tag.Scope));
        // JSON objects come back with their keys in any order (PostgreSQL's jsonb sorts them).
        Assert.Equal(job.Footprint!.OrderBy(f => f.Key), stored.Footprint!.OrderBy(f => f.Key));
        Assert.Equal(job.EnergyFootprint, stored.EnergyFootprint);
        Assert.Equal(job.MetaData, stored.MetaData);
        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(job with { Id = id, Tags = null, Footprint = null, EnergyFootprint = null, MetaData = null }),
            System.Text.Json.JsonSerializer.Serialize(stored with { Tags = null, Footprint = null, EnergyFootprint = null, MetaData = null }));
    }

    [Fact]
    public async Task Add_ExistingKey_ThrowsConflictAndKeepsTheFirst()
    {
        await Jobs.AddAsync(SampleJobs.Job(1), Token);

        await Assert.ThrowsAsync<ConflictException>(() => Jobs.AddAsync(SampleJobs.Job(1) with { User = "mallory" }, Token));
        var page = await Jobs.QueryAsync(new JobQuery(), JobVisibility.All, Token);
        Assert.Equal("alice", Assert.Single(page.Items).User);

        // Same jobId on another cluster or at another start time is another job.
        await Jobs.AddAsync(SampleJobs.Job(1, cluster: "alex"), Token);
        await Jobs.AddAsync(SampleJobs.Job(1, startTime: 5000), Token);
    }

    [Fact]
    public async Task Add_ManyConcurrently_EachVisibleWhenItsTaskCompletes()
    {
        var tasks = Enumerable.Range(0, 32).Select(async i =>
        {
            var id = await Jobs.AddAsync(SampleJobs.Job(10_000 + i), Token);
            var page = await Jobs.QueryAsync(new JobQuery { Filters = [new JobFilter { DbIds = [id] }] }, JobVisibility.All, Token);
            return page.Count;
        });

        Assert.All(await Task.WhenAll(tasks), count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task Add_SameKeyConcurrently_ExactlyOneWins()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            try
            {
                await Jobs.AddAsync(SampleJobs.Job(7), Token);
                return true;
            }
            catch (ConflictException)
            {
                return false;
            }
        }));

        Assert.Single(results, won => won);
    }

    [Fact]
    public async Task AddMany_SkipsExistingAndRepeatedKeys_AndStoresTags()
    {
        await Jobs.AddAsync(SampleJobs.Job(1), Token);
        var batch = new[]
        {
            SampleJobs.Job(1),
            SampleJobs.Job(2) with { Tags = [new Tag { Type = "app", Name = "gromacs" }, new Tag { Type = "lvl", Name = "x", Scope = "admin" }] },
            SampleJobs.Job(3),
            SampleJobs.Job(3) with { User = "dup" },
        };

        Assert.Equal(2, await Jobs.AddManyAsync(batch, Token));
        Assert.Equal(0, await Jobs.AddManyAsync([], Token));

        var page = await Jobs.QueryAsync(new JobQuery { Order = new JobOrder("jobId") }, JobVisibility.All, Token);
        Assert.Equal([1L, 2, 3], page.Items.Select(j => j.JobId));
        Assert.Equal("alice", page.Items[2].User);
        Assert.Equal(["app:gromacs:global", "lvl:x:admin"], page.Items[1].Tags!.Select(t => $"{t.Type}:{t.Name}:{t.Scope}").Order());
    }

    [Fact]
    public async Task Find_ReturnsNewestMatch_NarrowedByClusterAndStartTime()
    {
        await Jobs.AddAsync(SampleJobs.Job(5, startTime: 100), Token);
        await Jobs.AddAsync(SampleJobs.Job(5, startTime: 300), Token);
        await Jobs.AddAsync(SampleJobs.Job(5, cluster: "alex", startTime: 200), Token);

        Assert.Equal(300, (await Jobs.FindAsync(5, null, null, Token))!.StartTime);
        Assert.Equal("alex", (await Jobs.FindAsync(5, "alex", null, Token))!.Cluster);
        Assert.Equal(100, (await Jobs.FindAsync(5, "fritz", 100, Token))!.StartTime);
        Assert.Null(await Jobs.FindAsync(5, "fritz", 200, Token));
        Assert.Null(await Jobs.FindAsync(6, null, null, Token));
    }

    [Fact]
    public async Task Update_ReplacesTheRow_AndMissingJobReturnsFalse()
    {
        var id = await Jobs.AddAsync(SampleJobs.Job(1) with { State = JobStates.Running }, Token);
        var stopped = (await Jobs.GetAsync(id, Token))! with
        {
            State = JobStates.Completed,
            Duration = 42,
            MonitoringStatus = MonitoringStatus.ArchivingSuccessful,
            Footprint = new Dictionary<string, double> { ["cpu_load_avg"] = 3.5 },
        };

        Assert.True(await Jobs.UpdateAsync(stopped, Token));
        var stored = await Jobs.GetAsync(id, Token);
        Assert.Equal((JobStates.Completed, 42, 3), (stored!.State, stored.Duration, stored.MonitoringStatus));
        Assert.Equal(3.5, stored.Footprint!["cpu_load_avg"]);
        Assert.False(await Jobs.UpdateAsync(stopped with { Id = id + 1000 }, Token));
    }

    [Fact]
    public async Task SetMetadataValue_SetsOneKey_KeepsOthersAndTheRestOfTheRow()
    {
        var id = await Jobs.AddAsync(SampleJobs.Job(1) with { Footprint = new Dictionary<string, double> { ["cpu_load_avg"] = 3.5 } }, Token);
        var withoutMetadata = await Jobs.AddAsync(SampleJobs.Job(2) with { MetaData = null }, Token);

        Assert.True(await Jobs.SetMetadataValueAsync(id, "archiveError", "source \"down\": it's 'quoted' \\ and $.odd", Token));
        Assert.True(await Jobs.SetMetadataValueAsync(id, "jobName", "renamed", Token));
        Assert.True(await Jobs.SetMetadataValueAsync(withoutMetadata, "a.b[0]", "x", Token));

        var stored = (await Jobs.GetAsync(id, Token))!;
        Assert.Equal(
            new Dictionary<string, string> { ["archiveError"] = "source \"down\": it's 'quoted' \\ and $.odd", ["jobName"] = "renamed" },
            stored.MetaData!.OrderBy(m => m.Key).ToDictionary());
        Assert.Equal(3.5, stored.Footprint!["cpu_load_avg"]);
        Assert.Equal(new Dictionary<string, string> { ["a.b[0]"] = "x" }, (await Jobs.GetAsync(withoutMetadata, Token))!.MetaData);
        Assert.False(await Jobs.SetMetadataValueAsync(id + 1000, "k", "v", Token));
    }

    [Fact]
    public async Task ArchiveQueue_ListsStoppedJobsAwaitingArchive_UntilTheResultIsSet()
    {
        var running = await Jobs.AddAsync(SampleJobs.Job(1) with { State = JobStates.Running }, Token);
        var stopped = await Jobs.AddAsync(SampleJobs.Job(2), Token);
        var disabled = await Jobs.AddAsync(SampleJobs.Job(3) with { MonitoringStatus = MonitoringStatus.Disabled }, Token);

        Assert.Equal([stopped], (await Jobs.ListAwaitingArchiveAsync(10, Token)).Select(j => j.Id!.Value));
        var summary = new JobMetricsSummary(new Dictionary<string, double> { ["cpu_load_avg"] = 1.25 }, 0.5, new Dictionary<string, double> { ["power"] = 0.5 });
        Assert.True(await Jobs.SetArchiveResultAsync(stopped, MonitoringStatus.ArchivingSuccessful, summary, Token));

        Assert.Empty(await Jobs.ListAwaitingArchiveAsync(10, Token));
        var archived = (await Jobs.GetAsync(stopped, Token))!;
        Assert.Equal((3, 0.5, 1.25), (archived.MonitoringStatus, archived.Energy, archived.Footprint!["cpu_load_avg"]));
        Assert.Equal([running], (await Jobs.ListRunningAsync(0, 10, Token)).Select(j => j.Id!.Value));
        Assert.Equal(MonitoringStatus.Disabled, (await Jobs.GetAsync(disabled, Token))!.MonitoringStatus);
    }

    [Fact]
    public async Task RefreshRunning_StoppedJob_IsLeftAlone()
    {
        var id = await Jobs.AddAsync(SampleJobs.Job(1) with { State = JobStates.Running, Duration = 0 }, Token);
        var summary = new JobMetricsSummary(new Dictionary<string, double> { ["cpu_load_avg"] = 2 }, 0, null);

        Assert.True(await Jobs.RefreshRunningAsync(id, 30, summary, Token));
        Assert.Equal(2, (await Jobs.GetAsync(id, Token))!.Footprint!["cpu_load_avg"]);
        Assert.True(await Jobs.UpdateAsync((await Jobs.GetAsync(id, Token))! with { State = JobStates.Completed, Duration = 40 }, Token));
        Assert.False(await Jobs.RefreshRunningAsync(id, 99, summary with { Footprint = new Dictionary<string, double> { ["cpu_load_avg"] = 9 } }, Token));
        var stopped = (await Jobs.GetAsync(id, Token))!;
        Assert.Equal((40, 2.0), (stopped.Duration, stopped.Footprint!["cpu_load_avg"]));
    }

    [Fact]
    public async Task Get_RunningJob_ReportsDurationSinceStart()
    {
        var id = await Jobs.AddAsync(SampleJobs.Job(1, startTime: JobDatabase.Now - 500) with { State = JobStates.Running, Duration = 0 }, Token);
        _clock.Advance(TimeSpan.FromSeconds(20));

        Assert.Equal(520, (await Jobs.GetAsync(id, Token))!.Duration);
    }

    [Fact]
    public async Task Delete_ByIdAndBefore_RespectsOmitTagged()
    {
        var ids = await SeedAsync();
        var tag = await Tags.GetOrCreateAsync("keep", "me", TagScopes.Global, Token);
        await Tags.AttachAsync(ids[100], tag.Id, Token);

        Assert.True(await Jobs.DeleteAsync(ids[104], Token));
        Assert.False(await Jobs.DeleteAsync(ids[104], Token));

        Assert.Equal(1, await Jobs.DeleteStartedBeforeAsync(2500, omitTagged: true, Token)); // 101 goes, tagged 100 stays
        Assert.NotNull(await Jobs.GetAsync(ids[100], Token));
        Assert.Equal(1, await Jobs.DeleteStartedBeforeAsync(2500, omitTagged: false, Token));
        Assert.Empty(await Tags.ForJobAsync(ids[100], Token));

        await using (await Jobs.BeginRebuildAsync(Token))
        {
            Assert.Equal(0, (await Jobs.QueryAsync(new JobQuery(), JobVisibility.All, Token)).Count);
        }

        Assert.NotNull(await Tags.GetAsync(tag.Id, Token));
    }

    [Fact]
    public async Task BeginRebuild_BulkLoadThenDispose_JobsQueryableAndFiltersStillCorrect()
    {
        await SeedAsync();

        await using (await Jobs.BeginRebuildAsync(Token))
        {
            Assert.Equal(SampleJobs.Set.Count, await Jobs.AddManyAsync(SampleJobs.Set, Token));
        }

        Assert.Equal(SampleJobs.Set.Count, (await Jobs.QueryAsync(new JobQuery(), JobVisibility.All, Token)).Count);
        var expected = SampleJobs.Set.Where(j => j.Cluster == SampleJobs.Set[0].Cluster).Select(j => j.JobId).Order();
        Assert.Equal(expected, await JobIdsAsync(new JobFilter { Cluster = StringInput.Equal(SampleJobs.Set[0].Cluster) }));
        Assert.Equal(0, await Jobs.AddManyAsync(SampleJobs.Set, Token));
    }

    public static TheoryData<string, string> Filters => new()
    {
        { "dbId", "" }, // filled in by the test from the stored ids
        { "cluster eq", "100,101,104" },
        { "cluster neq", "102,103" },
        { "cluster in", "102,103" },
        { "subCluster startsWith", "102,103" },
        { "partition endsWith", "101" },
        { "project contains underscore literally", "104" },
        { "user eq with quote", "104" },
        { "user in", "100,101,102" },
        { "user contains ignores case", "100,101" },
        { "injection attempt", "" },
        { "jobId eq", "102" },
        { "jobId in", "100,104" },
        { "jobId startsWith", "100,101,102,103,104" },
        { "jobName eq", "102" },
        { "jobName contains percent literally", "101,104" },
        { "arrayJobId", "100" },
        { "duration range", "100,104" },
        { "duration open upper", "100,101" },
        { "energy range", "100,101" },
        { "numNodes", "101,103" },
        { "numAccelerators", "103" },
        { "numHWThreads", "100,101,104" },
        { "startTime from to", "101,102" },
        { "startTime last6h", "103" },
        { "state single", "103" },
        { "state many", "102,103" },
        { "footprint range", "100,102" },
        { "footprint open upper", "101,102" },
        { "shared", "102" },
        { "schedule interactive", "100" },
        { "schedule batch", "101,102,103,104" },
        { "schedule core", "102" },
        { "node eq", "101" },
        { "node startsWith", "102,103" },
        { "two filters combine", "100" },
        { "several conditions in one filter", "101" },
    };

    private static JobFilter[] FilterFor(string name) => name switch
    {
        "cluster eq" => [new() { Cluster = StringInput.Equal("fritz") }],
        "cluster neq" => [new() { Cluster = new() { Neq = "fritz" } }],
        "cluster in" => [new() { Cluster = new() { In = ["alex", "nope"] } }],
        "subCluster startsWith" => [new() { SubCluster = new() { StartsWith = "a" } }],
        "partition endsWith" => [new() { Partition = new() { EndsWith = "node" }, NumNodes = new IntRange(2, 10) }],
        "project contains underscore literally" => [new() { Project = new() { Contains = "_" } }],
        "user eq with quote" => [new() { User = StringInput.Equal("o'brien") }],
        "user in" => [new() { User = new() { In = ["alice", "bob"] } }],
        "user contains ignores case" => [new() { User = new() { Contains = "LIC" } }],
        "injection attempt" => [new() { User = StringInput.Equal("x' OR '1'='1") }, new() { Project = new() { Contains = "') OR 1=1 --" } }],
        "jobId eq" => [new() { JobId = StringInput.Equal("102") }],
        "jobId in" => [new() { JobId = new() { In = ["100", "104"] } }],
        "jobId startsWith" => [new() { JobId = new() { StartsWith = "10" } }],
        "jobName eq" => [new() { JobName = StringInput.Equal("train_x") }],
        "jobName contains percent literally" => [new() { JobName = new() { Contains = "%" } }],
        "arrayJobId" => [new() { ArrayJobId = 7 }],
        "duration range" => [new() { Duration = new IntRange(100, 3600) }],
        "duration open upper" => [new() { Duration = new IntRange(3600, 0) }],
        "energy range" => [new() { Energy = new FloatRange(1, 20) }],
        "numNodes" => [new() { NumNodes = new IntRange(2, 4) }],
        "numAccelerators" => [new() { NumAccelerators = new IntRange(2, 8) }],
        "numHWThreads" => [new() { NumHWThreads = new IntRange(64, 1000) }],
        "startTime from to" => [new() { StartTime = new TimeRange { From = 2000, To = 3000 } }],
        "startTime last6h" => [new() { StartTime = new TimeRange { Range = "last6h" } }],
        "state single" => [new() { State = [JobStates.Running] }],
        "state many" => [new() { State = [JobStates.Running, JobStates.Failed] }],
        "footprint range" => [new() { MetricStats = [new MetricStatItem("flops_any_avg", new FloatRange(10, 50))] }],
        "footprint open upper" => [new() { MetricStats = [new MetricStatItem("flops_any_avg", new FloatRange(50, 0))] }],
        "shared" => [new() { Shared = SharedModes.MultiUser }],
        "schedule interactive" => [new() { Schedule = "interactive" }],
        "schedule batch" => [new() { Schedule = "batch" }],
        "schedule core" => [new() { Schedule = "core" }],
        "node eq" => [new() { Node = StringInput.Equal("f0103") }],
        "node startsWith" => [new() { Node = new() { StartsWith = "a0" } }],
        "two filters combine" => [new() { User = StringInput.Equal("alice") }, new() { Project = StringInput.Equal("p1") }],
        "several conditions in one filter" => [new() { User = StringInput.Equal("alice"), NumNodes = new IntRange(2, 8), Cluster = StringInput.Equal("fritz") }],
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Query_Filter_MatchesExactlyTheExpectedJobs(string name, string expected)
    {
        var ids = await SeedAsync();
        var filters = name == "dbId" ? [new JobFilter { DbIds = [ids[101], ids[103]] }] : FilterFor(name);
        if (name == "dbId")
        {
            expected = "101,103";
        }

        var page = await Jobs.QueryAsync(new JobQuery { Filters = filters, Order = new JobOrder("jobId") }, JobVisibility.All, Token);

        Assert.Equal(expected, string.Join(',', page.Items.Select(j => j.JobId)));
        Assert.Equal(page.Items.Count, page.Count);
    }

    [Fact]
    public async Task Query_TagFilter_MatchesJobsWithAnyOfTheTags()
    {
        var ids = await SeedAsync();
        var a = await Tags.GetOrCreateAsync("t", "a", TagScopes.Global, Token);
        var b = await Tags.GetOrCreateAsync("t", "b", TagScopes.Global, Token);
        await Tags.AttachAsync(ids[100], a.Id, Token);
        await Tags.AttachAsync(ids[100], b.Id, Token);
        await Tags.AttachAsync(ids[102], b.Id, Token);

        Assert.Equal(new long[] { 100, 102 }, await JobIdsAsync(new JobFilter { Tags = [a.Id, b.Id] }));
        Assert.Equal(new long[] { 100 }, await JobIdsAsync(new JobFilter { Tags = [a.Id] }));
    }

    [Theory]
    [InlineData("user", "eq")]
    [InlineData("project", "contains")]
    [InlineData("node", "eq")]
    [InlineData("jobName", "startsWith")]
    public async Task Query_HostileStrings_AreData(string field, string op)
    {
        await SeedAsync();
        foreach (var value in new[] { "'", "\"", "%", "_", "\\", "'; DROP TABLE job; --", "a' OR 'a'='a" })
        {
            var input = op switch
            {
                "eq" => StringInput.Equal(value),
                "contains" => new StringInput { Contains = value },
                _ => new StringInput { StartsWith = value },
            };
            var filter = field switch
            {
                "user" => new JobFilter { User = input },
                "project" => new JobFilter { Project = input },
                "node" => new JobFilter { Node = input },
                _ => new JobFilter { JobName = input },
            };

            var matches = await JobIdsAsync(filter);
            // Only the project "x_y" holds a literal underscore; no job name starts with "%".
            long[] expected = field == "project" && value == "_" ? [104] : [];
            Assert.Equal(expected, matches);
        }

        Assert.Equal(5, (await Jobs.QueryAsync(new JobQuery(), JobVisibility.All, Token)).Count);
    }

    [Theory]
    [InlineData("jobId", "not-a-number")]
    [InlineData("state", "exploded")]
    [InlineData("range", "last2y")]
    [InlineData("schedule", "sometimes")]
    [InlineData("footprint", "flops') OR 1=1 --")]
    public async Task Query_InvalidFilterValue_ThrowsInvalidInput(string field, string value)
    {
        var filter = field switch
        {
            "jobId" => new JobFilter { JobId = StringInput.Equal(value) },
            "state" => new JobFilter { State = [value] },
            "range" => new JobFilter { StartTime = new TimeRange { Range = value } },
            "schedule" => new JobFilter { Schedule = value },
            _ => new JobFilter { MetricStats = [new MetricStatItem(value, new FloatRange(0, 1))] },
        };

        await Assert.ThrowsAsync<InvalidInputException>(() => Jobs.QueryAsync(new JobQuery { Filters = [filter] }, JobVisibility.All, Token));
    }

    [Theory]
    [InlineData("startTime", false, "100,101,102,104,103")]
    [InlineData("startTime", true, "103,104,102,101,100")]
    [InlineData("numNodes", true, "101,103,104,102,100")]
    [InlineData("user", false, "100,101,102,103,104")]
    [InlineData("duration", true, "101,100,104,102,103")]
    [InlineData("numAcc", false, "100,101,104,102,103")]
    public async Task Query_OrderByColumn_SortsWithIdAsTieBreak(string field, bool descending, string expected)
    {
        await SeedAsync();

        var page = await Jobs.QueryAsync(new JobQuery { Order = new JobOrder(field, JobOrder.Column, descending) }, JobVisibility.All, Token);

        Assert.Equal(expected, string.Join(',', page.Items.Select(j => j.JobId)));
    }

    [Theory]
    [InlineData(false, "100,102,101,103,104")]
    [InlineData(true, "101,102,100,104,103")]
    public async Task Query_OrderByFootprint_SortsJobsWithoutTheValueLast(bool descending, string expected)
    {
        await SeedAsync();

        var page = await Jobs.QueryAsync(new JobQuery { Order = new JobOrder("flops_any_avg", JobOrder.Footprint, descending) }, JobVisibility.All, Token);

        Assert.Equal(expected, string.Join(',', page.Items.Select(j => j.JobId)));
    }

    [Theory]
    [InlineData("col", "start_time; DROP TABLE job")]
    [InlineData("col", "password")]
    [InlineData("foot", "a.b")]
    [InlineData("sideways", "startTime")]
    public async Task Query_UnknownOrder_ThrowsInvalidInput(string type, string field)
    {
        await Assert.ThrowsAsync<InvalidInputException>(() =>
            Jobs.QueryAsync(new JobQuery { Order = new JobOrder(field, type) }, JobVisibility.All, Token));
    }

    [Fact]
    public async Task Query_Paging_ReturnsPagesCountAndHasNextPage()
    {
        await SeedAsync();
        var order = new JobOrder("jobId");

        var first = await Jobs.QueryAsync(new JobQuery { Order = order, Page = new PageRequest(2, 1) }, JobVisibility.All, Token);
        var last = await Jobs.QueryAsync(new JobQuery { Order = order, Page = new PageRequest(2, 3) }, JobVisibility.All, Token);
        var beyond = await Jobs.QueryAsync(new JobQuery { Order = order, Page = new PageRequest(2, 4), IncludeCount = false }, JobVisibility.All, Token);
        var all = await Jobs.QueryAsync(new JobQuery { Order = order, Page = new PageRequest(-1) }, JobVisibility.All, Token);

        Assert.Equal("100,101 5 True", $"{string.Join(',', first.Items.Select(j => j.JobId))} {first.Count} {first.HasNextPage}");
        Assert.Equal("104 5 False", $"{string.Join(',', last.Items.Select(j => j.JobId))} {last.Count} {last.HasNextPage}");
        Assert.Equal((0, (long?)null, false), (beyond.Items.Count, beyond.Count, beyond.HasNextPage));
        Assert.Equal(5, all.Items.Count);
        await Assert.ThrowsAsync<InvalidInputException>(() => Jobs.QueryAsync(new JobQuery { Page = new PageRequest(10, 0) }, JobVisibility.All, Token));
    }

    [Fact]
    public async Task Query_Visibility_RestrictsRows()
    {
        await SeedAsync();

        Assert.Equal(new long[] { 100, 101 }, await JobIdsAsync(new JobFilter(), JobVisibility.OwnJobs("alice")));
        Assert.Equal(new long[] { 100, 102 }, await JobIdsAsync(new JobFilter(), JobVisibility.OwnAndProjectJobs("bob", ["p1"])));
        Assert.Equal(new long[] { 100, 101, 102, 103 }, await JobIdsAsync(new JobFilter(), JobVisibility.OwnAndProjectJobs("alice", ["p1", "p3"])));
        Assert.Empty(await JobIdsAsync(new JobFilter { User = StringInput.Equal("bob") }, JobVisibility.OwnJobs("alice")));
    }

    [Fact]
    public async Task Statistics_Ungrouped_SumsAsCcBackend()
    {
        await SeedAsync();

        var row = Assert.Single(await Jobs.StatisticsAsync(new JobStatisticsQuery(), JobVisibility.All, Token));

        Assert.Equal(5, row.TotalJobs);
        Assert.Equal(4, row.TotalUsers);
        Assert.Equal(1, row.RunningJobs);
        Assert.Equal(3, row.ShortJobs); // 60 s, 120 s and the running job's 100 s
        Assert.Equal((3600 + 7200 + 60 + 100 + 120) / 3600, row.TotalWalltime);
        Assert.Equal(9, row.TotalNodes);
        Assert.Equal((3600 + 7200 * 4 + 60 + 200 + 120) / 3600, row.TotalNodeHours);
        Assert.Equal(72 + 288 + 16 + 32 + 72, row.TotalCores);
        Assert.Equal(((3600 * 72) + (7200 * 288) + (60 * 16) + (100 * 32) + (120 * 72)) / 3600, row.TotalCoreHours);
        Assert.Equal(9, row.TotalAccs);
        Assert.Equal((60 + 800) / 3600, row.TotalAccHours);
    }

    [Fact]
    public async Task Statistics_NoJobs_OneRowOfZeros()
    {
        var row = Assert.Single(await Jobs.StatisticsAsync(new JobStatisticsQuery { WithHistograms = true }, JobVisibility.All, Token));

        Assert.Equal(0, row.TotalJobs);
        Assert.Equal(24, row.HistDuration.Count);
        Assert.All(row.HistDuration, p => Assert.Equal(0, p.Count));
    }

    [Fact]
    public async Task Statistics_GroupedByUser_NamesUsersAndSorts()
    {
        await SeedAsync();
        await _services.GetRequiredService<IUserStore>().AddAsync(
            new UserAccount { Username = "alice", Name = "Alice Liddell", Roles = [Role.User] }, Token);

        var rows = await Jobs.StatisticsAsync(new JobStatisticsQuery { GroupBy = StatisticsGrouping.User, SortBy = "TOTALJOBS" }, JobVisibility.All, Token);

        Assert.Equal(["alice", "bob", "carol", "o'brien"], rows.Select(r => r.Id));
        Assert.Equal("Alice Liddell", rows[0].Name);
        Assert.Equal(2, rows[0].TotalJobs);
        Assert.Equal(3, rows[0].TotalWalltime);
        Assert.Equal(0, rows[0].TotalUsers);
        Assert.Equal("", rows[1].Name);

        var paged = await Jobs.StatisticsAsync(
            new JobStatisticsQuery { GroupBy = StatisticsGrouping.User, SortBy = "TOTALNODEHOURS", Page = new PageRequest(1, 1) }, JobVisibility.All, Token);
        Assert.Equal("alice", Assert.Single(paged).Id);
    }

    [Theory]
    [InlineData(StatisticsGrouping.Project, "p1:2:2,p2:1:1,p3:1:1,x_y:1:1")]
    [InlineData(StatisticsGrouping.Cluster, "alex:2:2,fritz:3:2")]
    [InlineData(StatisticsGrouping.SubCluster, "a100:1:1,a40:1:1,main:3:2")]
    public async Task Statistics_Grouped_CountsJobsAndUsersPerGroup(StatisticsGrouping grouping, string expected)
    {
        await SeedAsync();

        var rows = await Jobs.StatisticsAsync(new JobStatisticsQuery { GroupBy = grouping }, JobVisibility.All, Token);

        Assert.Equal(expected, string.Join(',', rows.Select(r => $"{r.Id}:{r.TotalJobs}:{r.TotalUsers}")));
    }

    [Fact]
    public async Task Statistics_Histograms_BinLikeCcBackend()
    {
        await SeedAsync();

        var row = Assert.Single(await Jobs.StatisticsAsync(new JobStatisticsQuery { WithHistograms = true, DurationBins = "1h" }, JobVisibility.All, Token));

        Assert.Equal(48, row.HistDuration.Count);
        Assert.Equal(new HistogramPoint(3600, 3), row.HistDuration[0]); // 60 s, 100 s, 120 s
        Assert.Equal(new HistogramPoint(7200, 1), row.HistDuration[1]); // 3600 s
        Assert.Equal(new HistogramPoint(10800, 1), row.HistDuration[2]); // 7200 s
        Assert.Equal([new HistogramPoint(1, 3), new HistogramPoint(2, 1), new HistogramPoint(4, 1)], row.HistNumNodes);
        Assert.Equal([new HistogramPoint(16, 1), new HistogramPoint(32, 1), new HistogramPoint(72, 2), new HistogramPoint(288, 1)], row.HistNumCores);
        Assert.Equal([new HistogramPoint(0, 3), new HistogramPoint(1, 1), new HistogramPoint(8, 1)], row.HistNumAccs);

        var perCluster = await Jobs.StatisticsAsync(new JobStatisticsQuery { GroupBy = StatisticsGrouping.Cluster, WithHistograms = true }, JobVisibility.All, Token);
        Assert.Equal([new HistogramPoint(1, 1), new HistogramPoint(2, 1)], perCluster[0].HistNumNodes);
        Assert.Equal(24, perCluster[1].HistDuration.Count);
    }

    [Fact]
    public async Task Statistics_FiltersAndVisibility_Apply()
    {
        await SeedAsync();

        var row = Assert.Single(await Jobs.StatisticsAsync(
            new JobStatisticsQuery { Filters = [new JobFilter { Cluster = StringInput.Equal("fritz") }] }, JobVisibility.OwnJobs("alice"), Token));

        Assert.Equal(2, row.TotalJobs);
        await Assert.ThrowsAsync<InvalidInputException>(() => Jobs.StatisticsAsync(new JobStatisticsQuery { SortBy = "PASSWORD" }, JobVisibility.All, Token));
        await Assert.ThrowsAsync<InvalidInputException>(() => Jobs.StatisticsAsync(new JobStatisticsQuery { DurationBins = "2h" }, JobVisibility.All, Token));
    }

    [Fact]
    public async Task Partitions_DistinctNonEmptyPartitionsOfOneCluster()
    {
        await SeedAsync();
        await Jobs.AddAsync(SampleJobs.Job(300) with { Partition = "" }, Token);

        foreach (var cluster in new[] { "fritz", "alex" })
        {
            var expected = SampleJobs.Set.Where(j => j.Cluster == cluster && !string.IsNullOrEmpty(j.Partition)).Select(j => j.Partition!).Distinct().Order(StringComparer.Ordinal);
            Assert.Equal(expected, await Jobs.PartitionsAsync(cluster, Token));
        }

        Assert.Empty(await Jobs.PartitionsAsync("nosuchcluster", Token));
    }

    [Fact]
    public async Task UsedNodes_ListsHostsOfRunningJobsPerCluster()
    {
        Assert.Empty(await Jobs.UsedNodesAsync(JobDatabase.Now, Token));
        await SeedAsync();
        await Jobs.AddAsync(SampleJobs.Job(200, startTime: JobDatabase.Now - 10) with
        {
            State = JobStates.Running,
            Resources = [new JobResource { Hostname = "f0201" }, new JobResource { Hostname = "f0101" }],
        }, Token);

        var used = await Jobs.UsedNodesAsync(JobDatabase.Now, Token);

        Assert.Equal(["alex", "fritz"], used.Keys.Order());
        Assert.Equal(["a0201", "a0202"], used["alex"]);
        Assert.Equal(["f0101", "f0201"], used["fritz"]);
        Assert.Equal(["alex"], (await Jobs.UsedNodesAsync(JobDatabase.Now - 50, Token)).Keys);
    }

    [Fact]
    public async Task TagStore_CreateAttachDetachDelete()
    {
        var id = await Jobs.AddAsync(SampleJobs.Job(1), Token);
        var tag = await Tags.GetOrCreateAsync("app", "vasp", TagScopes.Global, Token);

        Assert.Equal(tag, await Tags.GetOrCreateAsync("app", "vasp", TagScopes.Global, Token));
        Assert.NotEqual(tag.Id, (await Tags.GetOrCreateAsync("app", "vasp", "alice", Token)).Id);
        Assert.Equal(tag, await Tags.FindAsync("app", "vasp", TagScopes.Global, Token));
        Assert.Equal(tag, await Tags.GetAsync(tag.Id, Token));
        Assert.Null(await Tags.FindAsync("app", "VASP", TagScopes.Global, Token));

        await Tags.AttachAsync(id, tag.Id, Token);
        await Tags.AttachAsync(id, tag.Id, Token);
        Assert.Equal([tag], await Tags.ForJobAsync(id, Token));
        await Assert.ThrowsAsync<NotFoundException>(() => Tags.AttachAsync(id + 99, tag.Id, Token));

        Assert.True(await Tags.DetachAsync(id, tag.Id, Token));
        Assert.False(await Tags.DetachAsync(id, tag.Id, Token));

        await Tags.AttachAsync(id, tag.Id, Token);
        Assert.True(await Tags.DeleteAsync(tag.Id, Token));
        Assert.False(await Tags.DeleteAsync(tag.Id, Token));
        Assert.Empty(await Tags.ForJobAsync(id, Token));
        Assert.Equal(2, (await Tags.ListAsync(Token)).Count + 1);
    }
}
