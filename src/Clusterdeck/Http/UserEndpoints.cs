using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Authentication;
using Clusterdeck.Core.Configuration;
using Clusterdeck.Core.Errors;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clusterdeck.Http;

/// <summary>Clusterdeck's own account API, <c>/api/v1/users</c>. Role rules are the user service's.</summary>
internal static class UserEndpoints
{
    public static IEndpointRouteBuilder MapUserEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var users = endpoints.MapGroup("/api/v1/users").WithTags("Users").RequireAuthorization();
        users.MapGet("/", ListAsync).WithSummary("List users (admin)");
        users.MapGet("/{username}", GetAsync).WithSummary("Get a user (admin, or the user itself)");
        users.MapPost("/", CreateAsync).WithSummary("Create a user (admin)");
        users.MapPatch("/{username}", UpdateAsync).WithSummary("Change a user; absent fields stay as they are (roles and projects: admin)");
        users.MapDelete("/{username}", DeleteAsync).WithSummary("Delete a user (admin)");
        users.MapPost("/{username}/tokens", IssueTokenAsync).WithSummary("Issue an API token (admin, or the user itself)");

        endpoints.MapGet("/api/v1/session", Session).WithTags("Users").RequireAuthorization()
            .WithSummary("Who is calling; for a browser session also the CSRF token to send in X-XSRF-TOKEN");
        return endpoints;
    }

    private static async Task<Ok<UserResponse[]>> ListAsync(HttpContext context, UserService users, bool? specialRolesOnly, CancellationToken cancellationToken)
    {
        var list = await users.ListAsync(context.User.RequireCaller(), specialRolesOnly ?? false, cancellationToken);
        return TypedResults.Ok(list.Select(UserResponse.From).ToArray());
    }

    private static async Task<Ok<UserResponse>> GetAsync(HttpContext context, UserService users, string username, CancellationToken cancellationToken) =>
        TypedResults.Ok(UserResponse.From(await users.GetAsync(context.User.RequireCaller(), username, cancellationToken)));

    private static async Task<Created<UserResponse>> CreateAsync(HttpContext context, UserService users, CreateUserRequest request, CancellationToken cancellationToken)
    {
        var user = await users.CreateAsync(context.User.RequireCaller(), new NewUser
        {
            Username = request.Username,
            Name = request.Name,
            Email = request.Email,
            Roles = ParseRoles(request.Roles) ?? [Role.User],
            Projects = request.Projects ?? [],
            Password = request.Password,
        }, cancellationToken);
        return TypedResults.Created($"/api/v1/users/{Uri.EscapeDataString(user.Username)}", UserResponse.From(user));
    }

    private static async Task<Ok<UserResponse>> UpdateAsync(HttpContext context, UserService users, string username, UpdateUserRequest request, CancellationToken cancellationToken)
    {
        var user = await users.UpdateAsync(context.User.RequireCaller(), username, new UserChanges
        {
            Name = request.Name,
            Email = request.Email,
            Roles = ParseRoles(request.Roles),
            Projects = request.Projects,
            Password = request.Password,
        }, cancellationToken);
        return TypedResults.Ok(UserResponse.From(user));
    }

    private static async Task<NoContent> DeleteAsync(HttpContext context, UserService users, string username, CancellationToken cancellationToken)
    {
        await users.DeleteAsync(context.User.RequireCaller(), username, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<TokenResponse>> IssueTokenAsync(HttpContext context, AccessTokenService tokens, string username, IssueTokenRequest? request, CancellationToken cancellationToken)
    {
        TimeSpan? lifetime = null;
        if (!string.IsNullOrEmpty(request?.Ttl))
        {
            lifetime = DurationText.TryParse(request.Ttl, out var ttl) ? ttl : throw new InvalidInputException($"ttl '{request.Ttl}' is not a duration (examples: 24h, 90m)");
        }

        return TypedResults.Ok(new TokenResponse(await tokens.IssueAsync(context.User.RequireCaller(), username, lifetime, cancellationToken)));
    }

    private static Ok<SessionResponse> Session(HttpContext context, IAntiforgery antiforgery)
    {
        var caller = context.User.RequireCaller();
        var csrf = caller.Method == AuthMethod.Session ? antiforgery.GetAndStoreTokens(context).RequestToken : null;
        return TypedResults.Ok(new SessionResponse(caller.Username, [.. caller.Roles.Select(r => r.ToName())], caller.Method.ToString().ToLowerInvariant(), csrf));
    }

    private static IReadOnlyList<Role>? ParseRoles(IReadOnlyList<string>? names) =>
        names is null ? null
        : RoleNames.TryParseAll(names, out var roles, out var error) ? roles
        : throw new InvalidInputException(error);
}
