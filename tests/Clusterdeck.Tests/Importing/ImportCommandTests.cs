using System.Security.Cryptography;
using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Archive;
using Clusterdeck.Core.Jobs;
using Clusterdeck.Hosting;
using Clusterdeck.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clusterdeck.Tests.Importing;

/// <summary>The import commands end to end on a real SQLite file and a real archive directory.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("clusterdeck-import-");

    private string ArchiveRoot => TestArchive.PathIn(_data.FullName);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Delete(recursive: true);
    }

    private Task<CommandResult> RunAsync(params string[] args) => CommandResult.RunAsync([.. args, "--data-dir", _data.FullName]);

    private async Task<ServiceProvider> ServicesAsync()
    {
        var configuration = ClusterdeckConfiguration.Build(new ConfigurationInputs(Overrides: [$"--Storage:DataDirectory={_data.FullName}"]));
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddClusterdeck(configuration);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<StartupTasks>().PrepareDatabaseAsync(TestContext.Current.CancellationToken);
        await provider.GetRequiredService<StartupTasks>().PrepareArchiveAsync(TestContext.Current.CancellationToken);
        return provider;
    }

    private void UseFritzImportCluster()
    {
        Directory.CreateDirectory(Path.Combine(ArchiveRoot, "fritz"));
        File.WriteAllText(Path.Combine(ArchiveRoot, "version.txt"), "3");
        File.Copy(RepositoryPaths.Reference("clustercockpit/import-cases/cluster-fritz.json"), Path.Combine(ArchiveRoot, "fritz", "cluster.json"));
    }

    private static string Case(string name) => RepositoryPaths.Reference($"clustercockpit/import-cases/{name}");

    [Fact]
    public async Task ArchiveImport_ReferenceArchive_ImportsBothEmmyJobs()
    {
        TestArchive.CopyReference(_data.FullName);

        var result = await RunAsync("archive", "import");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Imported 2 jobs, skipped 0", result.Output, StringComparison.Ordinal);
        await using var services = await ServicesAsync();
        var job = await services.GetRequiredService<IJobStore>().FindAsync(1403244, "emmy", 1608923076, TestContext.Current.CancellationToken);
        Assert.NotNull(job);
        Assert.Equal(MonitoringStatus.ArchivingSuccessful, job.MonitoringStatus);
        Assert.Equal(32, job.NumNodes);
        Assert.Equal("haswell", job.SubCluster); // kept from meta.json although its hosts are not haswell's
    }

    [Fact]
    public async Task ArchiveImport_BrokenAndForeignJobs_SkippedWithGroupedReasons()
    {
        TestArchive.CopyReference(_data.FullName);
        var broken = Path.Combine(ArchiveRoot, "emmy", "1", "001", "1600000000");
        Directory.CreateDirectory(broken);
        File.WriteAllText(Path.Combine(broken, "meta.json"), "{ not json");
        var foreign = Path.Combine(ArchiveRoot, "emmy", "1", "002", "1600000000");
        Directory.CreateDirectory(foreign);
        var meta = File.ReadAllText(Path.Combine(ArchiveRoot, "emmy", "1403", "244", "1608923076", "meta.json"))
            .Replace("\"subCluster\": \"haswell\"", "\"subCluster\": \"nosuch\"", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(foreign, "meta.json"), meta);

        var result = await RunAsync("archive", "import");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Imported 2 jobs, skipped 2", result.Output, StringComparison.Ordinal);
        Assert.Contains("1 × unreadable meta.json", result.Output, StringComparison.Ordinal);
        Assert.Contains("1 × no matching subcluster", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fritzMinimal")]
    [InlineData("fritzError")]
    public async Task ImportJob_ReferenceCase_StoredAsGolden(string name)
    {
        UseFritzImportCluster();

        var result = await RunAsync("archive", "import-job", $"{Case($"meta-{name}.input")}:{Case($"data-{name}.json")}");

        Assert.True(result.ExitCode == 0, result.Error);
        var golden = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Case($"{name}-golden.json"))).RootElement;
        await using var services = await ServicesAsync();
        var job = await services.GetRequiredService<IJobStore>().FindAsync(
            golden.GetProperty("jobId").GetInt64(), golden.GetProperty("cluster").GetString(), golden.GetProperty("startTime").GetInt64(), TestContext.Current.CancellationToken);
        Assert.NotNull(job);
        Assert.Equal(golden.GetProperty("duration").GetInt32(), job.Duration);
        Assert.Equal("main", job.SubCluster);
        Assert.Contains("mem_used_max", job.Footprint!.Keys);
        var archived = await services.GetRequiredService<IJobArchive>().ReadDataAsync(job.Cluster, job.JobId, job.StartTime, TestContext.Current.CancellationToken);
        Assert.NotNull(archived);
    }

    [Fact]
    public async Task ImportJob_SameJobTwice_ConflictAndNothingWritten()
    {
        UseFritzImportCluster();
        var pair = $"{Case("meta-fritzMinimal.input")}:{Case("data-fritzMinimal.json")}";
        Assert.Equal(0, (await RunAsync("archive", "import-job", pair)).ExitCode);

        var again = await RunAsync("archive", "import-job", pair);

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already exists", again.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("malformed", "malformed.json: ", "{\"jobId\": 1, ")]
    [InlineData("unknown-field", "could not be mapped", "{\"jobId\": 1, \"bogus\": true}")]
    [InlineData("wrong-type", "could not be converted", "{\"jobId\": \"one\"}")]
    [InlineData("escape", "no such cluster", "{\"jobId\": 5, \"user\": \"u\", \"cluster\": \"../../etc\", \"numNodes\": 1, \"jobState\": \"completed\", \"startTime\": 1700000000, \"resources\": [{\"hostname\": \"f0101\"}]}")]
    [InlineData("unknown-cluster", "no such cluster", "{\"jobId\": 5, \"user\": \"u\", \"cluster\": \"nosuch\", \"numNodes\": 1, \"jobState\": \"completed\", \"startTime\": 1700000000, \"resources\": [{\"hostname\": \"f0101\"}]}")]
    public async Task ImportJob_BadMeta_FailsWithReasonAndWritesNothing(string name, string reason, string meta)
    {
        UseFritzImportCluster();
        var metaPath = Path.Combine(_data.FullName, $"{name}.json");
        File.WriteAllText(metaPath, meta);
        var before = Directory.GetFileSystemEntries(ArchiveRoot, "*", SearchOption.AllDirectories).Length;

        var result = await RunAsync("archive", "import-job", $"{metaPath}:{Case("data-fritzMinimal.json")}");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFileSystemEntries(ArchiveRoot, "*", SearchOption.AllDirectories).Length);
        await using var services = await ServicesAsync();
        Assert.Null(await services.GetRequiredService<IJobStore>().FindAsync(5, null, null, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task MigrateFromCc_ReferenceDatabase_TakesOverUsersJobsTagsAndLeavesTheFileUnchanged()
    {
        var source = RepositoryPaths.Reference("clustercockpit/job-db/job.db");
        var hashBefore = SHA256.HashData(File.ReadAllBytes(source));

        var first = await RunAsync("migrate-from-cc", "--db", source);
        var second = await RunAsync("migrate-from-cc", "--db", source);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("Users: 1 added", first.Output, StringComparison.Ordinal);
        Assert.Contains("Jobs: 544 added, 0 already present", first.Output, StringComparison.Ordinal);
        Assert.Contains("Tags: 4 tags, 4 job-tag links", first.Output, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Contains("1 skipped because they exist here already: demo", second.Output, StringComparison.Ordinal);
        Assert.Contains("Jobs: 0 added, 544 already present", second.Output, StringComparison.Ordinal);
        Assert.Equal(hashBefore, SHA256.HashData(File.ReadAllBytes(source)));

        await using var services = await ServicesAsync();
        var demo = await services.GetRequiredService<IUserStore>().FindAsync("demo", TestContext.Current.CancellationToken);
        Assert.NotNull(demo);
        Assert.Equal("$2a$10$M9pRk3cfefX1L5fTwuGzR.ecqpBS4A77r.K/2U9SMjmOsCodLzZiy", demo.PasswordHash);
        Assert.Equal([Role.Api, Role.Admin], demo.Roles.Order());
        var tags = await services.GetRequiredService<ITagStore>().ListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(4, tags.Count);
        Assert.Contains(tags, t => t is { Type: "app", Name: "python", Scope: "demo" });

        var token = await RunAsync("token", "demo");
        Assert.True(token.ExitCode == 0, token.Error); // roles admin+api are enough for an API token
    }

    [Fact]
    public async Task MigrateFromCc_NotADatabase_FailsWithReason()
    {
        var path = Path.Combine(_data.FullName, "not.db");
        File.WriteAllText(path, "hello");

        var result = await RunAsync("migrate-from-cc", "--db", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not a readable cc-backend database", result.Error, StringComparison.Ordinal);
    }
}
