namespace Clusterdeck.Tests.Storage;

public sealed class SqliteSettingsStoreTests : SettingsStoreContractTests
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("clusterdeck-sqlite-");

    protected override Task<string[]> DatabaseSettingsAsync() =>
        Task.FromResult(new[] { $"Storage:DataDirectory={_directory.FullName}", "Database:Provider=sqlite" });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }
}
