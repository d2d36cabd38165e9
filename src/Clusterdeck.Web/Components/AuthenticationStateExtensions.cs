using Clusterdeck.Core.Accounts;
using Microsoft.AspNetCore.Components.Authorization;

namespace Clusterdeck.Web.Components;

public static class AuthenticationStateExtensions
{
    /// <summary>
    /// The signed-in caller, as the application services take it. Pages are <c>[Authorize]</c>d, so a page that
    /// renders has one; the services then apply the same role rules as the APIs.
    /// </summary>
    public static async Task<Caller> CallerAsync(this Task<AuthenticationState> state) =>
        (await state).User.RequireCaller();
}
