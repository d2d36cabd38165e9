using System.Globalization;
using Clusterdeck.Authentication;
using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Authentication;
using Clusterdeck.Web.Account;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clusterdeck.Http;

/// <summary>Browser login with a form and a session cookie: <c>GET|POST /login</c> and <c>POST /logout</c>.</summary>
internal static class LoginEndpoints
{
    public static IEndpointRouteBuilder MapLoginEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("").WithTags("Login").ExcludeFromDescription();
        group.MapGet("/login", ShowLogin);
        group.MapPost("/login", LoginAsync).DisableAntiforgery();
        group.MapPost("/logout", (Delegate)LogoutAsync).DisableAntiforgery();
        return endpoints;
    }

    private static IResult ShowLogin(HttpContext context, string? redirect) =>
        context.User.ToCaller() is { Method: AuthMethod.Session }
            ? Results.Redirect(SafeRedirect(redirect))
            : LoginForm(null, null, redirect, StatusCodes.Status200OK);

    private static async Task<IResult> LoginAsync(HttpContext context, LoginService logins, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        if (!context.Request.HasFormContentType)
        {
            return LoginForm("Send the form fields username and password.", null, null, StatusCodes.Status400BadRequest);
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        var username = form["username"].ToString().Trim();
        var redirect = form["redirect"].ToString();
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var result = await logins.LoginAsync(username, form["password"].ToString(), address, cancellationToken);
        switch (result.Status)
        {
            case LoginStatus.Success:
                var user = result.User!;
                var principal = CallerPrincipal.Create(new Caller(user.Username, user.Roles, AuthMethod.Session), AuthSchemes.Session);
                await context.SignInAsync(AuthSchemes.Session, principal, new AuthenticationProperties { IsPersistent = true });
                // The antiforgery token is bound to the user, so it is made for the new principal.
                context.User = principal;
                CsrfProtectionMiddleware.IssueTokens(antiforgery, context);
                return WantsJson(context.Request)
                    ? Results.Ok(new { username = user.Username, roles = user.Roles.Select(r => r.ToName()) })
                    : Results.Redirect(SafeRedirect(redirect));
            case LoginStatus.Throttled:
                var minutes = Math.Max(1, (int)Math.Ceiling(result.RetryAfter.TotalMinutes));
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(result.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return LoginForm($"Too many failed attempts. Try again in {minutes} minute(s).", username, redirect, StatusCodes.Status429TooManyRequests);
            case LoginStatus.DirectoryUnavailable:
                return LoginForm("The directory service is unavailable. Try again later.", username, redirect, StatusCodes.Status503ServiceUnavailable);
            default:
                return LoginForm("Invalid username or password.", username, redirect, StatusCodes.Status401Unauthorized);
        }
    }

    private static async Task<IResult> LogoutAsync(HttpContext context)
    {
        await context.SignOutAsync(AuthSchemes.Session);
        context.Response.Cookies.Delete(AuthSchemes.CsrfCookieName);
        return Results.Redirect("/login");
    }

    /// <summary>Only local paths: an open redirect after login would hand phishers a trusted link.</summary>
    private static string SafeRedirect(string? redirect) =>
        !string.IsNullOrEmpty(redirect) && redirect.StartsWith('/') && !redirect.StartsWith("//", StringComparison.Ordinal) && !redirect.StartsWith("/\\", StringComparison.Ordinal)
            ? redirect
            : "/";

    private static bool WantsJson(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);

    private static RazorComponentResult<LoginView> LoginForm(string? error, string? username, string? redirect, int status) =>
        new(new { Error = error, Username = username, Redirect = redirect }) { StatusCode = status };
}
