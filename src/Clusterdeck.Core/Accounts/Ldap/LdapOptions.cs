using Clusterdeck.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace Clusterdeck.Core.Accounts.Ldap;

/// <summary>
/// The <c>Ldap</c> section. Key names are cc-backend's (<c>ldap</c> section of its config.json) so a
/// site can copy its block over. The service account's password is never configured here: it comes
/// from the environment variable <c>LDAP_ADMIN_PASSWORD</c>, as in cc-backend.
/// </summary>
public sealed class LdapOptions
{
    public const string SectionName = "Ldap";
    public const string PasswordVariable = "LDAP_ADMIN_PASSWORD";

    /// <summary>Server URL, e.g. <c>ldap://ldap.example.org:389</c>. LDAP is off while this is empty.</summary>
    [ConfigurationKeyName("url")]
    public string? Url { get; set; }

    /// <summary>Base DN under which users are searched, e.g. <c>ou=people,dc=example,dc=org</c>.</summary>
    [ConfigurationKeyName("user_base")]
    public string? UserBase { get; set; }

    /// <summary>DN of the service account that searches the directory.</summary>
    [ConfigurationKeyName("search_dn")]
    public string? SearchDn { get; set; }

    /// <summary>DN template a user binds with; <c>{username}</c> is replaced by the (escaped) username.</summary>
    [ConfigurationKeyName("user_bind")]
    public string? UserBind { get; set; }

    /// <summary>LDAP filter selecting the users that may log in, e.g. <c>(&amp;(objectclass=posixAccount))</c>.</summary>
    [ConfigurationKeyName("user_filter")]
    public string UserFilter { get; set; } = "(objectClass=posixAccount)";

    /// <summary>Attribute holding the user's display name (cc-backend's default: <c>gecos</c>).</summary>
    [ConfigurationKeyName("username_attr")]
    public string UsernameAttribute { get; set; } = "gecos";

    /// <summary>How often users are synchronised from LDAP (Go duration syntax, e.g. <c>24h</c>); empty or 0 = never.</summary>
    [ConfigurationKeyName("sync_interval")]
    public string? SyncInterval { get; set; }

    /// <summary>Whether a sync deletes LDAP users that are no longer in the directory.</summary>
    [ConfigurationKeyName("sync_del_old_users")]
    public bool SyncDeleteOldUsers { get; set; }

    /// <summary>Whether an LDAP user unknown to the database is added on first login.</summary>
    [ConfigurationKeyName("sync-user-on-login")]
    public bool SyncUserOnLogin { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Url);

    /// <summary>The longest wait a timer can do (about 49.7 days), and so the longest sync interval.</summary>
    public static readonly TimeSpan MaxSyncInterval = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    /// <summary>
    /// Reads <see cref="SyncInterval"/>: true with the interval when it is a Go duration between 0 and
    /// <see cref="MaxSyncInterval"/>, or empty (then zero: no periodic sync); false when it is invalid.
    /// </summary>
    public bool TryGetSyncInterval(out TimeSpan interval)
    {
        interval = TimeSpan.Zero;
        return string.IsNullOrWhiteSpace(SyncInterval)
            || (GoDuration.TryParse(SyncInterval.Trim(), out interval) && interval >= TimeSpan.Zero && interval <= MaxSyncInterval);
    }
}
