using Clusterdeck.Core.Accounts;

namespace Clusterdeck.Http;

/// <summary>A user as the API shows it. Never carries the password hash.</summary>
internal sealed record UserResponse(string Username, string? Name, string? Email, IReadOnlyList<string> Roles, IReadOnlyList<string> Projects, string AuthSource)
{
    public static UserResponse From(UserAccount user) => new(
        user.Username, user.Name, user.Email,
        [.. user.Roles.Select(r => r.ToName())], user.Projects, user.AuthSource.ToString().ToLowerInvariant());
}

internal sealed record CreateUserRequest(string Username, string? Name, string? Email, IReadOnlyList<string>? Roles, IReadOnlyList<string>? Projects, string? Password);

internal sealed record UpdateUserRequest(string? Name, string? Email, IReadOnlyList<string>? Roles, IReadOnlyList<string>? Projects, string? Password);

/// <summary><c>Ttl</c> in Go syntax (<c>24h</c>) or <c>d.hh:mm:ss</c>; absent means the configured <c>Auth:TokenLifetime</c>.</summary>
internal sealed record IssueTokenRequest(string? Ttl);

internal sealed record TokenResponse(string Token);

internal sealed record SessionResponse(string Username, IReadOnlyList<string> Roles, string AuthMethod, string? CsrfToken);
