namespace Clusterdeck.Core.Accounts;

/// <summary>A stored user. <see cref="PasswordHash"/> is a bcrypt hash and never leaves the application layer.</summary>
public sealed record UserAccount
{
    public required string Username { get; init; }
    public string? Name { get; init; }
    public string? Email { get; init; }
    public IReadOnlyList<Role> Roles { get; init; } = [];
    public IReadOnlyList<string> Projects { get; init; } = [];
    public AuthSource AuthSource { get; init; } = AuthSource.Local;
    public string? PasswordHash { get; init; }

    public bool HasRole(Role role) => Roles.Contains(role);
}
