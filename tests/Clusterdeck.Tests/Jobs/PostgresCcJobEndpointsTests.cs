using Clusterdeck.Tests.Infrastructure;

namespace Clusterdeck.Tests.Jobs;

[Collection(PostgresCollection.Name)]
public sealed class PostgresCcJobEndpointsTests(PostgresServer postgres) : CcJobEndpointsTests
{
    protected override async Task<string[]> DatabaseSettingsAsync()
    {
        if (postgres.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        var connectionString = await postgres.CreateDatabaseAsync(cancellationToken: TestContext.Current.CancellationToken);
        return ["Database:Provider=postgres", $"Database:ConnectionString={connectionString}"];
    }
}
