using Clusterdeck.Tests.Infrastructure;

namespace Clusterdeck.Tests.Storage;

/// <summary>The upsert is hand-written SQL, so it runs on PostgreSQL too.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresSettingsStoreTests(PostgresServer postgres) : SettingsStoreContractTests
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("clusterdeck-pg-");

    protected override async Task<string[]> DatabaseSettingsAsync()
    {
        if (postgres.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        var connectionString = await postgres.CreateDatabaseAsync(cancellationToken: TestContext.Current.CancellationToken);
        return [$"Storage:DataDirectory={_directory.FullName}", "Database:Provider=postgres", $"Database:ConnectionString={connectionString}"];
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _directory.Delete(recursive: true);
    }
}
