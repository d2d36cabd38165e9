using Clusterdeck.Tests.Infrastructure;

namespace Clusterdeck.Tests.Nodes;

[Collection(PostgresCollection.Name)]
public sealed class PostgresNodeHealthTests(PostgresServer postgres) : NodeHealthTests
{
    protected override async Task<string[]> DatabaseSettingsAsync()
    {
        postgres.SkipIfUnavailable();
        var connectionString = await postgres.CreateDatabaseAsync(cancellationToken: TestContext.Current.CancellationToken);
        return ["Database:Provider=postgres", $"Database:ConnectionString={connectionString}"];
    }
}
