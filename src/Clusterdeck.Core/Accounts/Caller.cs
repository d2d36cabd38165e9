namespace Clusterdeck.Core.Accounts;

/// <summary>Who is asking, as established by an adapter. Every application service decides access from this.</summary>
public sealed record Caller(string Username, IReadOnlyList<Role> Roles, AuthMethod Method)
{
    /// <summary>The operator at the command line: full rights, as the owner of the database file has anyway.</summary>
    public static Caller Console { get; } = new("(console)", [Role.Admin], AuthMethod.Console);

    public bool HasRole(Role role) => Roles.Contains(role);
}
