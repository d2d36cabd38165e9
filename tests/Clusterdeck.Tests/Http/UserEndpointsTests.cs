using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Clusterdeck.Tests.Infrastructure;

namespace Clusterdeck.Tests.Http;

public sealed class UserEndpointsTests : IAsyncLifetime
{
    private ClusterdeckServer _server = null!;
    private HttpClient _admin = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await ClusterdeckServer.StartAsync();
        _admin = _server.CreateClient();
        _admin.DefaultRequestHeaders.Authorization = new("Bearer", await _server.AdminTokenAsync());
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task CreateGetUpdateDelete_RoundTrip_NeverReturnsPasswordHash()
    {
        var created = await _admin.PostAsJsonAsync("/api/v1/users", new { username = "hank", name = "Hank", email = "hank@example.org", roles = new[] { "user" }, password = "pw-hank-1" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/v1/users/hank", created.Headers.Location?.OriginalString);
        var createdBody = await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("password", createdBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("$2", createdBody, StringComparison.Ordinal);

        var updated = await _admin.PatchAsJsonAsync("/api/v1/users/hank", new { roles = new[] { "user", "support" } }, TestContext.Current.CancellationToken);
        using var updatedJson = JsonDocument.Parse(await updated.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["user", "support"], updatedJson.RootElement.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("Hank", updatedJson.RootElement.GetProperty("name").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await _admin.DeleteAsync(new Uri("/api/v1/users/hank", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync(new Uri("/api/v1/users/hank", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory]
    [InlineData("{\"username\":\"bad name\",\"roles\":[\"user\"],\"password\":\"pw\"}", "username")]
    [InlineData("{\"username\":\"ivy\",\"roles\":[\"wizard\"],\"password\":\"pw\"}", "wizard")]
    [InlineData("{\"username\":\"ivy\",\"roles\":[\"user\"]}", "password is required")]
    [InlineData("{\"username\":\"ivy\",\"roles\":[\"user\"],\"password\":\"pw\",\"colour\":\"blue\"}", "colour")]
    [InlineData("{\"username\":", "JSON")]
    public async Task Create_BadInput_Is400WithReasonAndWritesNothing(string body, string reason)
    {
        var response = await _admin.PostAsync(new Uri("/api/v1/users", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync(new Uri("/api/v1/users/ivy", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Create_Duplicate_Is409()
    {
        var response = await _admin.PostAsJsonAsync("/api/v1/users", new { username = "admin", roles = new[] { "user" }, password = "pw-x" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task PlainUser_ReadsOwnAccountButNotOthers_AndCannotGrantRoles()
    {
        await _server.RunCommandAsync("user", "add", "judy", "--roles", "user", "--password", "pw-judy");
        using var judy = _server.CreateClient();
        judy.DefaultRequestHeaders.Authorization = new("Bearer", (await _server.RunCommandAsync("token", "judy")).SingleLine());

        Assert.Equal(HttpStatusCode.OK, (await judy.GetAsync(new Uri("/api/v1/users/judy", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await judy.GetAsync(new Uri("/api/v1/users/admin", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await judy.GetAsync(new Uri("/api/v1/users", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        var escalate = await judy.PatchAsJsonAsync("/api/v1/users/judy", new { roles = new[] { "admin" } }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, escalate.StatusCode);
    }

    [Fact]
    public async Task IssueToken_ForUser_WorksOnCompatibilityApiWhenRolesAllow()
    {
        await _server.RunCommandAsync("user", "add", "bot", "--roles", "api");
        var response = await _admin.PostAsJsonAsync("/api/v1/users/bot/tokens", new { ttl = "1h" }, TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var token = json.RootElement.GetProperty("token").GetString();

        using var bot = _server.CreateClient();
        bot.DefaultRequestHeaders.Add("X-Auth-Token", token);
        // [api] passes the route rule; the user list itself is for admins.
        Assert.Equal(HttpStatusCode.Forbidden, (await bot.GetAsync(new Uri("/api/users/", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
    }
}
