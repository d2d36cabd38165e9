using Microsoft.AspNetCore.Antiforgery;

namespace Clusterdeck.Authentication;

/// <summary>
/// A request that changes state and is authenticated only by the session cookie must prove it comes
/// from our own pages: the antiforgery token in the <c>X-XSRF-TOKEN</c> header or the form field.
/// Token-authenticated and anonymous requests are not exposed to CSRF and pass untouched. The UI's live
/// connection (<c>/_blazor</c>, SignalR) cannot carry the token, so there the browser's <c>Origin</c> must be
/// this server: another site's page could otherwise open a circuit with the user's cookie.
/// </summary>
internal sealed partial class CsrfProtectionMiddleware(RequestDelegate next, IAntiforgery antiforgery, ILogger<CsrfProtectionMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (IsUnsafe(context.Request.Method) && context.User.Identity is { IsAuthenticated: true, AuthenticationType: AuthSchemes.Session })
        {
            if (context.Request.Path.StartsWithSegments(CircuitPath))
            {
                if (!IsSameOrigin(context.Request))
                {
                    LogRejected(logger, context.Request.Method, context.Request.Path, context.User.Identity.Name, "Origin is not this server");
                    await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "CSRF check failed", detail: "the UI connection must come from this server's pages")
                        .ExecuteAsync(context);
                    return;
                }

                await next(context);
                return;
            }

            try
            {
                await antiforgery.ValidateRequestAsync(context);
            }
            catch (AntiforgeryValidationException e)
            {
                LogRejected(logger, context.Request.Method, context.Request.Path, context.User.Identity.Name, e.Message);
                await Results.Problem(
                    statusCode: StatusCodes.Status403Forbidden,
                    title: "CSRF check failed",
                    detail: $"requests made with the session cookie must carry the token from the {AuthSchemes.CsrfCookieName} cookie in the {AuthSchemes.CsrfHeaderName} header (or the {AuthSchemes.CsrfFormField} form field)")
                    .ExecuteAsync(context);
                return;
            }
        }

        await next(context);
    }

    /// <summary>Issues the token pair for the signed-in user: the HttpOnly cookie half and the readable request half.</summary>
    public static void IssueTokens(IAntiforgery antiforgery, HttpContext context)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        context.Response.Cookies.Append(AuthSchemes.CsrfCookieName, tokens.RequestToken!, new CookieOptions
        {
            HttpOnly = false,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
        });
    }

    private static readonly PathString CircuitPath = "/_blazor";

    private static bool IsSameOrigin(HttpRequest request) =>
        Uri.TryCreate(request.Headers.Origin.ToString(), UriKind.Absolute, out var origin)
        && string.Equals(origin.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(origin.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);

    private static bool IsUnsafe(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));

    [LoggerMessage(EventId = 110, Level = LogLevel.Warning, Message = "CSRF check failed for {Method} {Path} by {Username}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string method, PathString path, string? username, string reason);
}
