using Clusterdeck.Core.Accounts;

namespace Clusterdeck.Authentication;

internal static class AuthSchemes
{
    /// <summary>JWT in <c>X-Auth-Token</c> or <c>Authorization: Bearer</c>.</summary>
    public const string Token = CallerPrincipal.TokenAuthenticationType;

    /// <summary>The browser session cookie set by the login form.</summary>
    public const string Session = "Session";

    /// <summary>Default: a token when the request carries one, the session cookie otherwise.</summary>
    public const string TokenOrSession = "TokenOrSession";

    public const string SessionCookieName = "clusterdeck_session";

    /// <summary>Readable by scripts in the page, so they can echo it in <see cref="CsrfHeaderName"/>.</summary>
    public const string CsrfCookieName = "XSRF-TOKEN";

    public const string CsrfHeaderName = "X-XSRF-TOKEN";

    public const string CsrfFormField = "__RequestVerificationToken";

    /// <summary>The token carried by the request, or null. <c>X-Auth-Token</c> wins, as in cc-backend.</summary>
    public static string? ReadToken(HttpRequest request)
    {
        var token = request.Headers["X-Auth-Token"].ToString();
        if (token.Length > 0)
        {
            return token;
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;
    }
}
