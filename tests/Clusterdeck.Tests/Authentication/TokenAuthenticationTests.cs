using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Clusterdeck.Core.Authentication;
using Clusterdeck.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Clusterdeck.Tests.Authentication;

public sealed class TokenAuthenticationTests : IAsyncLifetime
{
    private ClusterdeckServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await ClusterdeckServer.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task TokenCommand_IssuedToken_IsAcceptedInBothHeaders()
    {
        var token = await _server.AdminTokenAsync();
        using var client = _server.CreateClient();

        using var viaAuthToken = new HttpRequestMessage(HttpMethod.Get, "/api/users/");
        viaAuthToken.Headers.Add("X-Auth-Token", token);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(viaAuthToken, TestContext.Current.CancellationToken)).StatusCode);

        using var viaBearer = new HttpRequestMessage(HttpMethod.Get, "/api/v1/session");
        viaBearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.SendAsync(viaBearer, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"authMethod\":\"token\"", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateTokenUser_TokenOfDeletedUser_IsRefused()
    {
        await using var strict = await ClusterdeckServer.StartAsync(["Auth:ValidateTokenUser=true"]);
        await strict.RunCommandAsync("user", "add", "gone", "--roles", "api");
        var token = (await strict.RunCommandAsync("token", "gone")).SingleLine();
        using var client = strict.CreateClient();
        client.DefaultRequestHeaders.Add("X-Auth-Token", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/v1/session", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);

        await strict.RunCommandAsync("user", "delete", "gone");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/api/v1/session", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
    }

    public static TheoryData<string> BadTokenKinds => ["unsigned", "hmac", "tampered", "expired", "foreign", "garbage"];

    [Theory]
    [MemberData(nameof(BadTokenKinds))]
    public async Task BadToken_OnEveryApi_Gets401(string kind)
    {
        var token = await BadTokenAsync(kind);
        using var client = _server.CreateClient();

        // Compatibility route: cc-backend's error shape.
        using var compat = new HttpRequestMessage(HttpMethod.Get, "/api/users/");
        compat.Headers.Add("X-Auth-Token", token);
        var compatResponse = await client.SendAsync(compat, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, compatResponse.StatusCode);
        using var body = JsonDocument.Parse(await compatResponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Unauthorized", body.RootElement.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("error").GetString()));

        // Clusterdeck's own API: ProblemDetails.
        using var own = new HttpRequestMessage(HttpMethod.Get, "/api/v1/users");
        own.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var ownResponse = await client.SendAsync(own, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, ownResponse.StatusCode);
        Assert.Equal("application/problem+json", ownResponse.Content.Headers.ContentType?.MediaType);
    }

    private async Task<string> BadTokenAsync(string kind)
    {
        var keys = _server.Services.GetRequiredService<JwtKeyPair>();
        var claims = TokenForgery.Claims("admin", "admin", "api");
        switch (kind)
        {
            case "unsigned":
                return TokenForgery.AlgNone(claims);
            case "hmac":
                return TokenForgery.HmacSigned(claims, Convert.FromBase64String(keys.PublicKeyBase64));
            case "tampered":
                await _server.RunCommandAsync("user", "add", "bob", "--roles", "user", "--password", "bob-secret");
                var bobs = (await _server.RunCommandAsync("token", "bob")).SingleLine();
                return TokenForgery.WithPayload(bobs, TokenForgery.Claims("bob", "admin", "api"));
            case "expired":
                var past = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-2));
                return new JwtTokenService(keys, past).Issue("admin", ["admin", "api"], TimeSpan.FromHours(1));
            case "foreign":
                using (var other = JwtKeyPair.Generate())
                {
                    return new JwtTokenService(other, TimeProvider.System).Issue("admin", ["admin", "api"], TimeSpan.FromHours(1));
                }

            default:
                return "not.a.token";
        }
    }
}
