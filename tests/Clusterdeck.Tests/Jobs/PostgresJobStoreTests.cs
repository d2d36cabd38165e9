using Clusterdeck.Tests.Infrastructure;

namespace Clusterdeck.Tests.Jobs;

[Collection(PostgresCollection.Name)]
public sealed class PostgresJobStoreTests(PostgresServer postgres) : JobStoreContractTests
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("clusterdeck-jobs-pg-");

    protected override async Task<string[]> DatabaseSettingsAsync()
    {
        postgres.SkipIfUnavailable();
        var connectionString = await postgres.CreateDatabaseAsync(cancellationToken: TestContext.Current.CancellationToken);
        return [$"Storage:DataDirectory={_directory.FullName}", "Database:Provider=postgres", $"Database:ConnectionString={connectionString}"];
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        // Each test has its own database and so its own pool; idle connections would pile up to the server's limit.
        Npgsql.NpgsqlConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }
}
