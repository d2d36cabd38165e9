namespace Clusterdeck.Core.Accounts.Ldap;

/// <summary>A user entry as read from the directory: its <c>uid</c> and its display name.</summary>
public sealed record LdapUser(string Username, string? Name)
{
    /// <summary>The account a directory user gets when first seen (sync or first login), as in cc-backend:
    /// role <c>user</c>, no projects, no password hash.</summary>
    public UserAccount ToNewAccount() => new()
    {
        Username = Username,
        Name = Name,
        Roles = [Role.User],
        AuthSource = AuthSource.Ldap,
    };
}
