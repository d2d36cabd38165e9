using System.Net;
using System.Net.Http.Json;
using Clusterdeck.Tests.Infrastructure;

namespace Clusterdeck.Tests.Authentication;

public sealed class LoginTests : IAsyncLifetime
{
    private ClusterdeckServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await ClusterdeckServer.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task GetLogin_Anonymous_ShowsForm()
    {
        using var client = _server.CreateClient();
        var response = await client.GetAsync(new Uri("/login", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("name=\"username\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"password\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostLogin_RightPassword_SetsHardenedSessionCookieAndRedirects()
    {
        using var client = _server.CreateClient();
        var response = await LoginAsync(client, "admin", _server.InitialAdminPassword, redirect: "/docs");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/docs", response.Headers.Location?.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("clusterdeck_session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);

        var session = await client.GetFromJsonAsync<SessionBody>("/api/v1/session", TestContext.Current.CancellationToken);
        Assert.Equal("admin", session!.Username);
        Assert.Equal("session", session.AuthMethod);
    }

    [Fact]
    public async Task PostLogin_WrongPassword_Returns401WithFormAndNoCookie()
    {
        using var client = _server.CreateClient();
        var response = await LoginAsync(client, "admin", "wrong password");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("clusterdeck_session=", StringComparison.Ordinal)));
        Assert.Contains("Invalid username or password", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostLogin_OffSiteRedirect_GoesHomeInstead()
    {
        using var client = _server.CreateClient();
        var response = await LoginAsync(client, "admin", _server.InitialAdminPassword, redirect: "//evil.example/");
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task PostLogout_WithCsrfToken_EndsSession()
    {
        var cookies = new CookieContainer();
        using var client = _server.CreateClient(cookies);
        await LoginAsync(client, "admin", _server.InitialAdminPassword);
        var csrf = cookies.GetCookies(_server.BaseAddress)["XSRF-TOKEN"]!.Value;

        using var logout = new HttpRequestMessage(HttpMethod.Post, "/logout");
        logout.Headers.Add("X-XSRF-TOKEN", csrf);
        var response = await client.SendAsync(logout, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/api/v1/session", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task PostLogout_WithoutCsrfToken_IsRefusedAndSessionSurvives()
    {
        using var client = _server.CreateClient();
        await LoginAsync(client, "admin", _server.InitialAdminPassword);

        var response = await client.PostAsync(new Uri("/logout", UriKind.Relative), null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("X-XSRF-TOKEN", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/v1/session", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task CookieSession_StateChangeWithoutCsrf_IsRefused()
    {
        using var client = _server.CreateClient();
        await LoginAsync(client, "admin", _server.InitialAdminPassword);

        var response = await client.PostAsJsonAsync("/api/v1/users", new { username = "mallory", roles = new[] { "admin" }, password = "x-password" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var users = await _server.RunCommandAsync("user", "list");
        Assert.DoesNotContain("mallory", users.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_UserDeletedMeanwhile_EndsAtNextRequest()
    {
        await _server.RunCommandAsync("user", "add", "dora", "--roles", "user", "--password", "dora-secret");
        using var client = _server.CreateClient();
        await LoginAsync(client, "dora", "dora-secret");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/v1/session", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);

        await _server.RunCommandAsync("user", "delete", "dora");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/api/v1/session", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task PostLogin_SixthAttemptAfterFiveFailures_IsThrottledEvenWithRightPassword()
    {
        using var client = _server.CreateClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(client, "admin", $"guess {attempt}")).StatusCode);
        }

        var throttled = await LoginAsync(client, "admin", _server.InitialAdminPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        var retryAfter = int.Parse(throttled.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 15 * 60);
        Assert.Contains("Too many failed attempts", await throttled.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostLogin_FailuresForOneUsername_DoNotThrottleAnother()
    {
        await _server.RunCommandAsync("user", "add", "alice", "--roles", "user", "--password", "alice-secret");
        using var client = _server.CreateClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await LoginAsync(client, "admin", $"guess {attempt}");
        }

        Assert.Equal(HttpStatusCode.Redirect, (await LoginAsync(client, "alice", "alice-secret")).StatusCode);
    }

    internal static Task<HttpResponseMessage> LoginAsync(HttpClient client, string username, string password, string? redirect = null)
    {
        var fields = new Dictionary<string, string> { ["username"] = username, ["password"] = password };
        if (redirect is not null)
        {
            fields["redirect"] = redirect;
        }

        return client.PostAsync(new Uri("/login", UriKind.Relative), new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);
    }

    private sealed record SessionBody(string Username, string[] Roles, string AuthMethod, string? CsrfToken);
}
