namespace Clusterdeck.Core.Accounts;

/// <summary>
/// Where a user's identity is checked. The numbers are cc-backend's (its <c>hpc_user.ldap</c> column),
/// so rows taken over from a cc-backend database keep their meaning.
/// </summary>
public enum AuthSource
{
    Local = 0,
    Ldap = 1,
    Token = 2,
    Oidc = 3,
}
