using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clusterdeck.Core.Accounts.Ldap;

/// <summary>
/// Brings the database's LDAP users in line with the directory, with cc-backend's semantics: a directory
/// user unknown to the database is added with role <c>user</c>, no projects and no password hash; an LDAP
/// user that left the directory is deleted only when <c>sync_del_old_users</c> is on; users in both keep
/// their roles and projects, which are managed here, not in LDAP.
/// </summary>
/// <remarks>
/// Departures from cc-backend: a local (non-LDAP) user who shares a name with a directory entry is
/// reported as a conflict and left alone, where cc-backend aborts the whole sync on the failed insert;
/// and a stored LDAP user without a name gets the directory's display name.
/// </remarks>
public sealed partial class LdapUserSync(
    ILdapDirectory directory,
    IUserStore users,
    IOptions<LdapOptions> options,
    ILogger<LdapUserSync> logger)
{
    /// <exception cref="InvalidOperationException">LDAP is not configured (<c>Ldap:url</c> is empty).</exception>
    /// <exception cref="LdapDirectoryException">The directory could not be read; the database is then untouched.</exception>
    public async Task<LdapSyncResult> SyncAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            throw new InvalidOperationException("LDAP sync needs Ldap:url to be set.");
        }

        // The directory is read completely before the first write: if it fails, nothing has changed.
        var entries = await directory.SearchUsersAsync(cancellationToken);
        var stored = (await users.ListAsync(cancellationToken)).ToDictionary(u => u.Username, StringComparer.Ordinal);

        int added = 0, updated = 0, deleted = 0, unchanged = 0, orphaned = 0;
        var conflicts = new List<string>();
        var inDirectory = new HashSet<string>(StringComparer.Ordinal);

        foreach (var entry in entries)
        {
            // The same uid under two branches of the tree is one person to us; the first entry wins.
            if (!inDirectory.Add(entry.Username))
            {
                continue;
            }

            stored.TryGetValue(entry.Username, out var existing);
            if (existing is null)
            {
                if (await users.AddAsync(entry.ToNewAccount(), cancellationToken))
                {
                    added++;
                    continue;
                }

                // Taken since we listed: by a login that created the LDAP user (fine) or by a local account.
                existing = await users.FindAsync(entry.Username, cancellationToken);
                if (existing is null)
                {
                    continue;
                }
            }

            if (existing.AuthSource != AuthSource.Ldap)
            {
                conflicts.Add(entry.Username);
                LogConflict(entry.Username, existing.AuthSource);
            }
            else if (string.IsNullOrEmpty(existing.Name) && !string.IsNullOrEmpty(entry.Name)
                && await users.UpdateAsync(existing with { Name = entry.Name }, cancellationToken))
            {
                updated++;
            }
            else
            {
                unchanged++;
            }
        }

        foreach (var user in stored.Values)
        {
            if (user.AuthSource != AuthSource.Ldap || inDirectory.Contains(user.Username))
            {
                continue;
            }

            if (!settings.SyncDeleteOldUsers)
            {
                orphaned++;
            }
            else if (await users.DeleteAsync(user.Username, cancellationToken))
            {
                deleted++;
                LogDeleted(user.Username);
            }
        }

        return new LdapSyncResult(added, updated, deleted, unchanged, orphaned, conflicts);
    }

    [LoggerMessage(EventId = 2121, Level = LogLevel.Warning,
        Message = "LDAP user {Username} is not synced: a user with that name already exists with auth source {AuthSource}")]
    private partial void LogConflict(string username, AuthSource authSource);

    [LoggerMessage(EventId = 2122, Level = LogLevel.Information, Message = "Deleted LDAP user {Username}: no longer in the directory")]
    private partial void LogDeleted(string username);
}
