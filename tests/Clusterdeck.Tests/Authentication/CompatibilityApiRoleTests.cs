using System.Net;
using Clusterdeck.Core.Authentication;
using Clusterdeck.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Clusterdeck.Tests.Authentication;

/// <summary>cc-backend's rule for /api/*: a token with roles exactly [api], or with both admin and api.</summary>
public sealed class CompatibilityApiRoleTests : IAsyncLifetime
{
    private ClusterdeckServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await ClusterdeckServer.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData(new[] { "admin", "api" }, HttpStatusCode.OK)]
    [InlineData(new[] { "api", "admin", "support" }, HttpStatusCode.OK)]
    [InlineData(new[] { "api" }, HttpStatusCode.Forbidden)] // passes the route rule; listing users needs admin
    [InlineData(new[] { "admin" }, HttpStatusCode.Unauthorized)]
    [InlineData(new[] { "user" }, HttpStatusCode.Unauthorized)]
    [InlineData(new[] { "user", "api" }, HttpStatusCode.Unauthorized)]
    [InlineData(new[] { "manager", "api" }, HttpStatusCode.Unauthorized)]
    [InlineData(new string[0], HttpStatusCode.Unauthorized)]
    public async Task ListUsers_TokenRoles_DecideAccess(string[] roles, HttpStatusCode expected)
    {
        var token = _server.Services.GetRequiredService<JwtTokenService>().Issue("someone", roles, TimeSpan.FromMinutes(5));
        using var client = _server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/users/");
        request.Headers.Add("X-Auth-Token", token);

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task CompatibilityRoute_SessionCookieOfAdmin_IsNotEnough()
    {
        using var client = _server.CreateClient();
        await LoginTests.LoginAsync(client, "admin", _server.InitialAdminPassword);

        var response = await client.GetAsync(new Uri("/api/users/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task CompatibilityRoute_NoToken_Gets401InCcBackendShape()
    {
        using var client = _server.CreateClient();
        var response = await client.GetAsync(new Uri("/api/users/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("{\"status\":\"Unauthorized\",\"error\":\"unauthorized\"}", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
