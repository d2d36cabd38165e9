using System.Security.Claims;
using Clusterdeck.Core.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clusterdeck.Web.Hosting;

/// <summary>
/// A live page keeps its circuit open for hours; this checks every minute that its user still exists, so a deleted
/// account loses its open pages as its cookie loses its next request (Authentication/SessionCookieEvents in the host).
/// </summary>
internal sealed class SessionRevalidation(ILoggerFactory loggerFactory, IServiceScopeFactory scopes)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        if (authenticationState.User.ToCaller() is not { } caller)
        {
            return false;
        }

        await using var scope = scopes.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<IUserStore>().FindAsync(caller.Username, cancellationToken);
        return user is not null && SameRoles(user.Roles, authenticationState.User);
    }

    private static bool SameRoles(IReadOnlyList<Role> roles, ClaimsPrincipal principal) =>
        roles.Select(r => r.ToName()).Order().SequenceEqual(principal.FindAll(ClaimTypes.Role).Select(c => c.Value).Order());
}
