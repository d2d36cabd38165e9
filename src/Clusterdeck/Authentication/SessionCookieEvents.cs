using Clusterdeck.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Clusterdeck.Authentication;

/// <summary>
/// Keeps a session in step with the account: a deleted user's session ends at the next request and
/// changed roles apply at once, instead of living on in the cookie until it expires.
/// </summary>
internal sealed class SessionCookieEvents(IUserStore users) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var caller = context.Principal?.ToCaller();
        var user = caller is null ? null : await users.FindAsync(caller.Username, context.HttpContext.RequestAborted);
        if (user is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(AuthSchemes.Session);
            return;
        }

        if (!user.Roles.SequenceEqual(caller!.Roles))
        {
            context.ReplacePrincipal(CallerPrincipal.Create(caller with { Roles = user.Roles }, AuthSchemes.Session));
            context.ShouldRenew = true;
        }
    }

    // API clients get a status code, browsers get the login page.
    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context) =>
        IsApi(context.Request) ? Problem(context.HttpContext, StatusCodes.Status401Unauthorized, "authentication required: log in or send a token") : base.RedirectToLogin(context);

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context) =>
        IsApi(context.Request) ? Problem(context.HttpContext, StatusCodes.Status403Forbidden, "your roles do not allow this") : base.RedirectToAccessDenied(context);

    private static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);

    private static Task Problem(HttpContext context, int status, string detail) =>
        Results.Problem(statusCode: status, detail: detail).ExecuteAsync(context);
}
