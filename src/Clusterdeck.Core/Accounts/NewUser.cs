namespace Clusterdeck.Core.Accounts;

/// <summary>A user to create. <see cref="Password"/> is plain text here and hashed before it is stored.</summary>
public sealed record NewUser
{
    public required string Username { get; init; }
    public string? Name { get; init; }
    public string? Email { get; init; }
    public IReadOnlyList<Role> Roles { get; init; } = [Role.User];
    public IReadOnlyList<string> Projects { get; init; } = [];
    public string? Password { get; init; }
    public AuthSource AuthSource { get; init; } = AuthSource.Local;
}
