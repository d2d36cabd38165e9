namespace Clusterdeck.Core.Accounts.Ldap;

/// <summary>
/// The directory behind LDAP login and sync. Implementations escape every value that comes from a
/// user before it enters a filter or a DN, and never log a password.
/// </summary>
public interface ILdapDirectory
{
    /// <summary>Binds as the service account and returns every user matching <c>user_filter</c> under <c>user_base</c>.</summary>
    Task<IReadOnlyList<LdapUser>> SearchUsersAsync(CancellationToken cancellationToken);

    /// <summary>Binds as the service account and returns the one user with this <c>uid</c>, or null when there is not exactly one.</summary>
    Task<LdapUser?> FindUserAsync(string username, CancellationToken cancellationToken);

    /// <summary>Binds as the user through <c>user_bind</c>; true when the directory accepts the password.</summary>
    Task<bool> VerifyPasswordAsync(string username, string password, CancellationToken cancellationToken);
}
