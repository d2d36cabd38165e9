using System.Security.Claims;

namespace Clusterdeck.Core.Accounts;

/// <summary>
/// Converts between the application's <see cref="Caller"/> and the claims principal the host's authentication
/// builds, so the HTTP adapters and the UI read the caller the same way.
/// </summary>
public static class CallerPrincipal
{
    /// <summary>The authentication type of a principal proved by a token; any other authenticated principal is a session.</summary>
    public const string TokenAuthenticationType = "Token";

    public static ClaimsPrincipal Create(Caller caller, string scheme)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, caller.Username) };
        claims.AddRange(caller.Roles.Select(role => new Claim(ClaimTypes.Role, role.ToName())));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    public static Caller? ToCaller(this ClaimsPrincipal principal)
    {
        if (principal.Identity is not { IsAuthenticated: true, Name: { } name } identity)
        {
            return null;
        }

        _ = RoleNames.TryParseAll(principal.FindAll(ClaimTypes.Role).Select(c => c.Value), out var roles, out _);
        var method = identity.AuthenticationType == TokenAuthenticationType ? AuthMethod.Token : AuthMethod.Session;
        return new Caller(name, roles, method);
    }

    /// <summary>The caller of code that only runs behind authentication (an authorized endpoint, an <c>[Authorize]</c>d page).</summary>
    public static Caller RequireCaller(this ClaimsPrincipal principal) =>
        principal.ToCaller() ?? throw new InvalidOperationException("reached without an authenticated caller");
}
