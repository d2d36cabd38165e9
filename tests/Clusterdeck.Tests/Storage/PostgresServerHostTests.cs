using System.Net;
using Clusterdeck.Tests.Authentication;
using Clusterdeck.Tests.Infrastructure;

namespace Clusterdeck.Tests.Storage;

/// <summary>The whole host on PostgreSQL: first start, login, token, the cc-backend route.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresServerHostTests(PostgresServer postgres)
{
    [Fact]
    public async Task Server_OnPostgres_CreatesAdminAndServesLoginAndApi()
    {
        Assert.SkipWhen(postgres.SkipReason is not null, postgres.SkipReason ?? "");
        var connectionString = await postgres.CreateDatabaseAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var server = await ClusterdeckServer.StartAsync(["Database:Provider=postgres", $"Database:ConnectionString={connectionString}"]);
        using var client = server.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await LoginTests.LoginAsync(client, "admin", server.InitialAdminPassword)).StatusCode);

        using var api = server.CreateClient();
        api.DefaultRequestHeaders.Add("X-Auth-Token", await server.AdminTokenAsync());
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(new Uri("/api/users/", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
    }
}
