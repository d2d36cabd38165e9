using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Clusterdeck.Tests.Infrastructure;

namespace Clusterdeck.Tests.Http;

public sealed class OperationsEndpointsTests : IAsyncLifetime
{
    private ClusterdeckServer _server = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await ClusterdeckServer.StartAsync();
        _client = _server.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Healthz_And_Readyz_AnswerOkOnMigratedDatabase()
    {
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        var ready = await _client.GetAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("\"ready\"", await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Database:Provider=postgres", "unreachable")] // nothing listens on port 1
    [InlineData("Database:Provider=sqlite", "pending")] // a fresh file, not migrated
    public async Task Readyz_DatabaseNotReady_Is503WithReason(string provider, string reason)
    {
        string[] settings = provider.EndsWith("postgres", StringComparison.Ordinal)
            ? [provider, "Database:ConnectionString=Host=127.0.0.1;Port=1;Database=none;Timeout=2", "Database:MigrateOnStart=false"]
            : [provider, "Database:MigrateOnStart=false"];
        await using var server = await ClusterdeckServer.StartAsync(settings);
        using var client = server.CreateClient();

        var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Metrics_ShowHttpAndDatabaseFigures()
    {
        await _client.GetAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken);

        var metrics = await _client.GetStringAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("http_request_duration_seconds", metrics, StringComparison.Ordinal);
        Assert.Contains("clusterdeck_db_command_duration_seconds_count{provider=\"sqlite\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("microsoft_entityframeworkcore_queries", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Docs_ServesBrowsableReference()
    {
        var response = await _client.GetAsync(new Uri("/docs", UriKind.Relative), TestContext.Current.CancellationToken);
        if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.MovedPermanently)
        {
            response = await _client.GetAsync(response.Headers.Location, TestContext.Current.CancellationToken);
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("openapi/v1.json", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        // The viewer is served by Clusterdeck itself: it must work on a site without internet access.
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(new Uri("/docs/scalar.js", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
    }

    /// <summary>docs/api/openapi.json is the served document; run with UPDATE_API_DOCS=1 to refresh it.</summary>
    [Fact]
    public async Task OpenApiDocument_MatchesCommittedCopy()
    {
        var served = JsonNode.Parse(await _client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken))!.AsObject();
        served.Remove("servers"); // holds this run's random port
        var text = served.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
        var committed = RepositoryPaths.Docs("api/openapi.json");

        if (Environment.GetEnvironmentVariable("UPDATE_API_DOCS") == "1")
        {
            await File.WriteAllTextAsync(committed, text, TestContext.Current.CancellationToken);
        }

        Assert.True(File.Exists(committed), $"{committed} is missing; run UPDATE_API_DOCS=1 ./test.sh");
        Assert.True(text == await File.ReadAllTextAsync(committed, TestContext.Current.CancellationToken),
            "docs/api/openapi.json differs from the served document; run UPDATE_API_DOCS=1 ./test.sh and commit it");
    }
}
