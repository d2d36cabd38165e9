using Npgsql;

namespace Clusterdeck.Tests.Infrastructure;

[Collection(PostgresCollection.Name)]
public sealed class PostgresServerTests(PostgresServer postgres)
{
    [Fact]
    public async Task CreateDatabaseAsync_CalledTwice_GivesTwoDistinctConnectableDatabases()
    {
        postgres.SkipIfUnavailable();
        var cancellationToken = TestContext.Current.CancellationToken;

        var first = await postgres.CreateDatabaseAsync(cancellationToken: cancellationToken);
        var second = await postgres.CreateDatabaseAsync(cancellationToken: cancellationToken);

        Assert.NotEqual(await CurrentDatabaseAsync(first, cancellationToken), await CurrentDatabaseAsync(second, cancellationToken));
    }

    [Fact]
    public async Task CreateDatabaseAsync_GivenName_CreatesThatDatabase()
    {
        postgres.SkipIfUnavailable();
        var cancellationToken = TestContext.Current.CancellationToken;
        var name = $"Named \"db\" {Guid.NewGuid():N}";

        var connectionString = await postgres.CreateDatabaseAsync(name, cancellationToken);

        Assert.Equal(name, await CurrentDatabaseAsync(connectionString, cancellationToken));
    }

    private static async Task<string> CurrentDatabaseAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var select1 = new NpgsqlCommand("SELECT 1", connection);
        Assert.Equal(1, await select1.ExecuteScalarAsync(cancellationToken));
        await using var current = new NpgsqlCommand("SELECT current_database()", connection);
        return (string)(await current.ExecuteScalarAsync(cancellationToken))!;
    }
}
