using Clusterdeck.Authentication;
using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Errors;
using Microsoft.AspNetCore.Authentication;

namespace Clusterdeck.Http;

/// <summary>
/// Guards cc-backend's <c>/api/*</c> routes as cc-backend does: only a token, and only one whose roles
/// are exactly <c>[api]</c> or include both <c>admin</c> and <c>api</c> (<see cref="AccessRules.CanUseCompatibilityApi"/>);
/// anything else is a 401 in cc-backend's error shape. Domain errors become cc-backend's 403/422 answers.
/// </summary>
internal sealed class CcApiAccessFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var result = await http.AuthenticateAsync(AuthSchemes.Token);
        if (!result.Succeeded)
        {
            return CcApi.Error(StatusCodes.Status401Unauthorized, result.Failure?.Message ?? "unauthorized");
        }

        if (result.Principal.ToCaller() is not { } caller || !AccessRules.CanUseCompatibilityApi(caller))
        {
            return CcApi.Error(StatusCodes.Status401Unauthorized, "unauthorized");
        }

        http.User = result.Principal;
        try
        {
            return await next(context);
        }
        catch (AccessDeniedException e)
        {
            return CcApi.Error(StatusCodes.Status403Forbidden, e.Message);
        }
        catch (DomainException e)
        {
            return CcApi.Error(StatusCodes.Status422UnprocessableEntity, e.Message);
        }
    }
}
