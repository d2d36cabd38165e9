using Clusterdeck.Tests.Infrastructure;

namespace Clusterdeck.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class PostgresUserStoreTests(PostgresServer postgres) : UserStoreContractTests
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
