using Clusterdeck.Core.Accounts;

namespace Clusterdeck.Authentication;

internal static class HttpContextCallerExtensions
{
    /// <summary>The caller of an endpoint that requires authentication.</summary>
    public static Caller RequireCaller(this HttpContext context) =>
        context.User.ToCaller() ?? throw new InvalidOperationException("endpoint reached without an authenticated caller");
}
