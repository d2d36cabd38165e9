using System.Net;
using Clusterdeck.GraphQL;
using Clusterdeck.Tests.Infrastructure;

namespace Clusterdeck.Tests.GraphQL;

/// <summary>The <c>/query</c> transport: authentication, malformed requests, limits, GET, the committed SDL.</summary>
public sealed class GraphQLEndpointTests : IAsyncLifetime
{
    private ClusterdeckServer _server = null!;
    private HttpClient _admin = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await ClusterdeckServer.StartAsync();
        _admin = _server.CreateClient();
        _admin.DefaultRequestHeaders.Add("X-Auth-Token", await _server.AdminTokenAsync());
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Query_Unauthenticated_Is401WithErrors()
    {
        using var anonymous = _server.CreateClient();
        var response = await anonymous.QueryAsync("{ user(username: \"admin\") { username } }");
        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Contains("authentication required", Assert.Single(response.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_InvalidToken_Is401()
    {
        using var client = _server.CreateClient();
        client.DefaultRequestHeaders.Add("X-Auth-Token", "not-a-token");
        var response = await client.QueryAsync("{ user(username: \"admin\") { username } }");
        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
    }

    [Fact]
    public async Task Query_SyntaxError_Is422WithErrorsArray()
    {
        var response = await _admin.QueryAsync("{ user(username: \"admin\") { username ");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.Status);
        Assert.NotEmpty(response.Errors);
        Assert.Null(response.Data);
    }

    [Fact]
    public async Task Query_UnknownField_Is422NamingIt()
    {
        var response = await _admin.QueryAsync("{ user(username: \"admin\") { password } }");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.Status);
        Assert.Contains("password", Assert.Single(response.Errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1, 2]")]
    [InlineData("{\"query\": 5}")]
    [InlineData("{}")]
    public async Task Post_MalformedBody_Is400WithErrors(string body)
    {
        var response = await _admin.PostRawAsync(body);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Single(response.Errors);
    }

    [Fact]
    public async Task Query_WrongVariableType_Is422()
    {
        var response = await _admin.QueryAsync("query($name: String!) { user(username: $name) { username } }", new { name = 42 });
        Assert.NotEqual(HttpStatusCode.OK, response.Status);
        Assert.NotEmpty(response.Errors);
    }

    [Fact]
    public async Task Query_TooDeep_IsRejectedWithReason()
    {
        // Introspection lets a document nest as deep as it likes: ofType { ofType { ... } }.
        var nested = string.Concat(Enumerable.Repeat("ofType { ", 20)) + "name" + new string('}', 20);
        var response = await _admin.QueryAsync("{ __schema { types { " + nested + " } } }");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.Status);
        Assert.Contains("depth", Assert.Single(response.Errors), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Query_TooComplex_IsRejectedWithReason()
    {
        // Wide rather than deep: nested lists repeated under many aliases.
        var aliases = string.Join(' ', Enumerable.Range(0, 500).Select(i => $"c{i}: clusters {{ subClusters {{ metricConfig {{ subClusters {{ name peak }} }} }} }}"));
        var response = await _admin.QueryAsync("{ " + aliases + " }");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.Status);
        Assert.Contains("too complex", Assert.Single(response.Errors), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Query_StandardIntrospection_IsAccepted()
    {
        var response = await _admin.QueryAsync(IntrospectionQuery);
        var types = response.Ok()["__schema"]!["types"]!.AsArray();
        Assert.Contains(types, t => t!["name"]!.GetValue<string>() == "Query");
    }

    [Fact]
    public async Task Get_Query_Runs()
    {
        var uri = new Uri("/query?query=" + Uri.EscapeDataString("{ user(username: \"admin\") { username } }"), UriKind.Relative);
        using var response = await _admin.GetAsync(uri, TestContext.Current.CancellationToken);
        var answer = GraphQLResponse.Parse(response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("admin", answer.Ok()["user"]!["username"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_Mutation_IsRejected()
    {
        var uri = new Uri("/query?query=" + Uri.EscapeDataString("mutation { createTag(type: \"t\", name: \"n\", scope: \"global\") { id } }"), UriKind.Relative);
        using var response = await _admin.GetAsync(uri, TestContext.Current.CancellationToken);
        var answer = GraphQLResponse.Parse(response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Contains(answer.Errors, e => e.Contains("POST", StringComparison.Ordinal));
    }

    [Fact]
    public async Task User_Self_ReturnsProfile_UnknownIsNull_OtherIsForbiddenForPlainUser()
    {
        await _server.RunCommandAsync("user", "add", "gina", "--roles", "user", "--password", "pw-gina", "--email", "gina@example.org", "--name", "Gina G");
        await _server.RunCommandAsync("user", "add", "hank", "--roles", "user", "--password", "pw-hank");
        using var gina = _server.CreateClient();
        gina.DefaultRequestHeaders.Add("X-Auth-Token", (await _server.RunCommandAsync("token", "gina")).SingleLine());

        var self = (await gina.QueryAsync("{ user(username: \"gina\") { username name email } }")).Ok()["user"]!;
        Assert.Equal("gina@example.org", self["email"]!.GetValue<string>());
        Assert.Equal("Gina G", self["name"]!.GetValue<string>());

        var other = await gina.QueryAsync("{ user(username: \"hank\") { username } }");
        Assert.Equal(HttpStatusCode.OK, other.Status);
        Assert.Equal("forbidden", Assert.Single(other.Errors));

        var unknown = (await _admin.QueryAsync("{ user(username: \"nobody\") { username } }")).Ok();
        Assert.Null(unknown["user"]);
        var hank = (await _admin.QueryAsync("{ user(username: \"hank\") { username name email } }")).Ok()["user"]!;
        Assert.Equal("", hank["email"]!.GetValue<string>());
    }

    /// <summary>docs/api/schema.graphql is the served schema; run with UPDATE_API_DOCS=1 to refresh it.</summary>
    [Fact]
    public async Task Schema_MatchesCommittedSdl()
    {
        var printed = GraphQLSchemaPrinter.Print(_server.Services);
        var committed = RepositoryPaths.Docs("api/schema.graphql");
        if (Environment.GetEnvironmentVariable("UPDATE_API_DOCS") == "1")
        {
            await File.WriteAllTextAsync(committed, printed, TestContext.Current.CancellationToken);
        }

        Assert.True(File.Exists(committed), $"{committed} is missing; run UPDATE_API_DOCS=1 ./test.sh");
        Assert.True(printed == await File.ReadAllTextAsync(committed, TestContext.Current.CancellationToken),
            "docs/api/schema.graphql differs from the served schema; run UPDATE_API_DOCS=1 ./test.sh and commit it");
    }

    private const string IntrospectionQuery = """
        query IntrospectionQuery {
          __schema {
            queryType { name } mutationType { name } subscriptionType { name }
            types { ...FullType }
            directives { name description locations args { ...InputValue } }
          }
        }
        fragment FullType on __Type {
          kind name description
          fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
          inputFields { ...InputValue }
          interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
          possibleTypes { ...TypeRef }
        }
        fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
        fragment TypeRef on __Type {
          kind name
          ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }
        }
        """;
}
