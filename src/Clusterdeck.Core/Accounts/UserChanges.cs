namespace Clusterdeck.Core.Accounts;

/// <summary>A partial update: a null property leaves that field as it is.</summary>
public sealed record UserChanges
{
    public string? Name { get; init; }
    public string? Email { get; init; }
    public IReadOnlyList<Role>? Roles { get; init; }
    public IReadOnlyList<string>? Projects { get; init; }
    public string? Password { get; init; }
}
