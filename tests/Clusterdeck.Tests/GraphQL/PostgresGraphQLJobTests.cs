using Clusterdeck.Tests.Infrastructure;

namespace Clusterdeck.Tests.GraphQL;

[Collection(PostgresCollection.Name)]
public sealed class PostgresGraphQLJobTests(PostgresServer postgres) : GraphQLJobTestsBase
{
    protected override async Task<IReadOnlyList<string>> DatabaseSettingsAsync()
    {
        postgres.SkipIfUnavailable();
        var connectionString = await postgres.CreateDatabaseAsync(cancellationToken: TestContext.Current.CancellationToken);
        return ["Database:Provider=postgres", $"Database:ConnectionString={connectionString}"];
    }
}
