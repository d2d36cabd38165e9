namespace Clusterdeck.Tests.Jobs;

public sealed class SqliteJobStoreTests : JobStoreContractTests
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("clusterdeck-jobs-sqlite-");

    protected override Task<string[]> DatabaseSettingsAsync() =>
        Task.FromResult(new[] { $"Storage:DataDirectory={_directory.FullName}", "Database:Provider=sqlite" });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }
}
