using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Clusterdeck.Tests.Infrastructure;

namespace Clusterdeck.Tests.Http;

/// <summary>cc-backend's user routes answer as cc-backend does (paths, fields, status codes, bodies).</summary>
public sealed class CcUserEndpointsTests : IAsyncLifetime
{
    private ClusterdeckServer _server = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await ClusterdeckServer.StartAsync();
        _client = _server.CreateClient();
        _client.DefaultRequestHeaders.Add("X-Auth-Token", await _server.AdminTokenAsync());
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task GetUsers_NotJustUser_ListsOnlyUsersWithSpecialRoles()
    {
        await _server.RunCommandAsync("user", "add", "plain", "--roles", "user", "--password", "pw-plain");
        await _server.RunCommandAsync("user", "add", "boss", "--roles", "user,manager", "--password", "pw-boss", "--projects", "p1", "--email", "boss@example.org");

        var all = await _client.GetFromJsonAsync<JsonElement[]>("/api/users/", TestContext.Current.CancellationToken);
        var special = await _client.GetFromJsonAsync<JsonElement[]>("/api/users/?not-just-user=true", TestContext.Current.CancellationToken);

        Assert.Equal(["admin", "boss", "plain"], all!.Select(u => u.GetProperty("username").GetString()));
        Assert.Equal(["admin", "boss"], special!.Select(u => u.GetProperty("username").GetString()));
        var boss = special!.Single(u => u.GetProperty("username").GetString() == "boss");
        Assert.Equal(["user", "manager"], boss.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["p1"], boss.GetProperty("projects").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("boss@example.org", boss.GetProperty("email").GetString());
        Assert.Equal("", boss.GetProperty("name").GetString());
    }

    [Fact]
    public async Task UpdateUser_AddRoleAsJson_AnswersMsgAndChangesRoles()
    {
        await _server.RunCommandAsync("user", "add", "carol", "--roles", "user", "--password", "pw-carol");

        var response = await _client.PostAsJsonAsync("/api/user/carol", new Dictionary<string, string> { ["add-role"] = "support" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"msg\":\"Add Role Success\"}", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("user,support", (await _server.RunCommandAsync("user", "list")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateUser_FormFields_AddAndRemoveProjectOfManager()
    {
        await _server.RunCommandAsync("user", "add", "dave", "--roles", "manager", "--password", "pw-dave");

        var add = await _client.PostAsync(new Uri("/api/user/dave", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["add-project"] = "abcd100" }), TestContext.Current.CancellationToken);
        var remove = await _client.PostAsync(new Uri("/api/user/dave", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["remove-project"] = "abcd100" }), TestContext.Current.CancellationToken);

        Assert.Equal("{\"msg\":\"Add Project Success\"}", await add.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("{\"msg\":\"Remove Project Success\"}", await remove.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("{\"add-role\":\"wizard\"}", 422, "adding role failed")]
    [InlineData("{\"remove-role\":\"admin\"}", 422, "removing role failed")]
    [InlineData("{\"add-project\":\"p1\"}", 422, "adding project failed")]
    [InlineData("{}", 400, "no operation specified")]
    [InlineData("{\"add-rolez\":\"user\"}", 400, "unknown field")]
    public async Task UpdateUser_BadRequests_AnswerInCcBackendShape(string body, int status, string error)
    {
        await _server.RunCommandAsync("user", "add", "erin", "--roles", "user", "--password", "pw-erin");

        var response = await _client.PostAsync(new Uri("/api/user/erin", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(status, (int)response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(status == 422 ? "Unprocessable Entity" : "Bad Request", json.RootElement.GetProperty("status").GetString());
        Assert.Contains(error, json.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateUser_UnknownUser_Is422()
    {
        var response = await _client.PostAsJsonAsync("/api/user/nobody", new Dictionary<string, string> { ["add-role"] = "user" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task UpdateUser_ApiOnlyToken_IsForbidden()
    {
        await _server.RunCommandAsync("user", "add", "robot", "--roles", "api");
        using var client = _server.CreateClient();
        client.DefaultRequestHeaders.Add("X-Auth-Token", (await _server.RunCommandAsync("token", "robot")).SingleLine());

        var response = await client.PostAsJsonAsync("/api/user/robot", new Dictionary<string, string> { ["add-role"] = "admin" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("only admins are allowed to update a user", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAndDeleteUser_FormFields_AnswerAsCcBackend()
    {
        var created = await _client.PostAsync(new Uri("/api/users/", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = "frank",
            ["password"] = "pw-frank",
            ["role"] = "user",
            ["name"] = "Frank",
            ["email"] = "frank@example.org",
        }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal("User frank successfully created!\n", await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var duplicate = await _client.PostAsync(new Uri("/api/users/", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = "frank",
            ["password"] = "pw-frank",
            ["role"] = "user",
        }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, duplicate.StatusCode);

        using var delete = new HttpRequestMessage(HttpMethod.Delete, "/api/users/") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "frank" }) };
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(delete, TestContext.Current.CancellationToken)).StatusCode);
        Assert.DoesNotContain("frank", (await _server.RunCommandAsync("user", "list")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateUser_ManagerWithoutProject_Is400()
    {
        var response = await _client.PostAsync(new Uri("/api/users/", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = "gina",
            ["password"] = "pw-gina",
            ["role"] = "manager",
        }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("managers require a project", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
