namespace Clusterdeck.Core.Accounts.Ldap;

/// <summary>What one <see cref="LdapUserSync.SyncAsync"/> run changed.</summary>
/// <param name="Added">Directory users that were new to the database and were added.</param>
/// <param name="Updated">LDAP users already stored whose empty name was filled in from the directory.</param>
/// <param name="Deleted">LDAP users no longer in the directory that were deleted (only with <c>sync_del_old_users</c>).</param>
/// <param name="Unchanged">LDAP users in both the directory and the database that were left as they were.</param>
/// <param name="Orphaned">LDAP users no longer in the directory that were kept because <c>sync_del_old_users</c> is off.</param>
/// <param name="Conflicts">Directory usernames that belong to a non-LDAP user in the database, which the sync never touches.</param>
public sealed record LdapSyncResult(
    int Added,
    int Updated,
    int Deleted,
    int Unchanged,
    int Orphaned,
    IReadOnlyList<string> Conflicts);
