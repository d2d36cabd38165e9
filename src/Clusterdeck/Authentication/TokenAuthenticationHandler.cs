using System.Text.Encodings.Web;
using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Clusterdeck.Authentication;

/// <summary>Authenticates requests that carry a JWT. No token: no result, so other schemes may try.</summary>
internal sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    AccessTokenService tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = AuthSchemes.ReadToken(Request);
        if (token is null)
        {
            return AuthenticateResult.NoResult();
        }

        var check = await tokens.CheckAsync(token, Context.RequestAborted);
        return check.Caller is { } caller
            ? AuthenticateResult.Success(new AuthenticationTicket(CallerPrincipal.Create(caller, Scheme.Name), Scheme.Name))
            : AuthenticateResult.Fail(check.Failure ?? "invalid token");
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var reason = result.Failure?.Message ?? "authentication required: send a token in X-Auth-Token or Authorization: Bearer, or log in";
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = result.Failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: reason).ExecuteAsync(Context);
    }
}
