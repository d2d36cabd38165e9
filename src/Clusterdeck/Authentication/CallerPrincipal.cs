using System.Security.Claims;
using Clusterdeck.Core.Accounts;

namespace Clusterdeck.Authentication;

/// <summary>Converts between the application's <see cref="Caller"/> and ASP.NET Core's principal.</summary>
internal static class CallerPrincipal
{
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
        var method = identity.AuthenticationType == AuthSchemes.Token ? AuthMethod.Token : AuthMethod.Session;
        return new Caller(name, roles, method);
    }

    /// <summary>The caller of an endpoint that requires authentication.</summary>
    public static Caller RequireCaller(this HttpContext context) =>
        context.User.ToCaller() ?? throw new InvalidOperationException("endpoint reached without an authenticated caller");
}
