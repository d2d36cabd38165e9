using Clusterdeck.Tests.Infrastructure;

namespace Clusterdeck.Tests.Nodes;

[Collection(PostgresCollection.Name)]
public sealed class PostgresNodeGraphQLTests(PostgresServer postgres) : NodeGraphQLTests
{
    protected override async Task<string[]> DatabaseSettingsAsync()
    {
        postgres.SkipIfUnavailable();
        var connectionString = await postgres.CreateDatabaseAsync(cancellationToken: TestContext.Current.CancellationToken);
        return ["Database:Provider=postgres", $"Database:ConnectionString={connectionString}"];
    }
}
