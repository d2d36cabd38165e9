using System.DirectoryServices.Protocols;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clusterdeck.Core.Accounts.Ldap;

/// <summary>
/// <see cref="ILdapDirectory"/> over System.DirectoryServices.Protocols (libldap on Linux), following
/// cc-backend's LDAP authenticator: a fresh connection per operation, a service bind with
/// <c>search_dn</c> for searches, a bind as the user for password checks. Unlike cc-backend, the
/// username is escaped before it enters the filter (RFC 4515) or the bind DN (RFC 4514).
/// </summary>
/// <remarks>
/// libldap's calls block, so each operation runs on a thread-pool thread. Connecting, binding and each
/// search page are bounded by <see cref="OperationTimeout"/> (for the bind through libldap's process-wide
/// defaults, see <see cref="LibLdapDefaults"/>). Cancellation is checked between the steps of an
/// operation and releases the caller at once, while a started network call finishes in the background.
/// </remarks>
/// <param name="options">The <c>Ldap</c> section; read at each call.</param>
/// <param name="servicePassword">
/// Supplies the password of <c>search_dn</c>; in production it reads <see cref="LdapOptions.PasswordVariable"/>.
/// </param>
/// <param name="logger">Receives no secrets.</param>
internal sealed partial class LdapDirectory(
    IOptions<LdapOptions> options,
    Func<string?> servicePassword,
    ILogger<LdapDirectory> logger) : ILdapDirectory
{
    /// <summary>Limit for connecting and for each request, so a dead server cannot hold a login forever.</summary>
    public static readonly TimeSpan OperationTimeout = TimeSpan.FromSeconds(10);

    private const string UidAttribute = "uid";
    private const int PageSize = 500;

    // Result codes (RFC 4511) with which a directory turns down a user's bind; anything else is a failure
    // of the directory, not a wrong password, and must not read as "access denied" to whoever investigates.
    private static readonly HashSet<int> UserRejectionCodes =
    [
        32, // noSuchObject: no entry under that DN (some servers say so instead of invalidCredentials)
        34, // invalidDNSyntax
        48, // inappropriateAuthentication
        49, // invalidCredentials
        50, // insufficientAccessRights: e.g. a disabled account
        53, // unwillingToPerform: e.g. a locked account
    ];

    private const int InvalidCredentials = 49;

    private static int _nativeTimeoutWarned;

    public Task<IReadOnlyList<LdapUser>> SearchUsersAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        return RunAsync<IReadOnlyList<LdapUser>>(settings, connection =>
        {
            BindAsService(connection, settings);
            cancellationToken.ThrowIfCancellationRequested();
            var users = Search(connection, settings, NormalizeFilter(settings.UserFilter), cancellationToken);
            LogSearchCompleted(settings.UserBase, users.Count);
            return users;
        }, cancellationToken);
    }

    public async Task<LdapUser?> FindUserAsync(string username, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(username);
        if (username.Length == 0)
        {
            return null;
        }

        var settings = options.Value;
        var filter = $"(&{NormalizeFilter(settings.UserFilter)}({UidAttribute}={LdapEscape.FilterValue(username)}))";
        var matches = await RunAsync(settings, connection =>
        {
            BindAsService(connection, settings);
            cancellationToken.ThrowIfCancellationRequested();
            return Search(connection, settings, filter, cancellationToken);
        }, cancellationToken);

        if (matches.Count != 1)
        {
            LogLookupNotUnique(username, matches.Count);
            return null;
        }

        return matches[0];
    }

    public async Task<bool> VerifyPasswordAsync(string username, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(username);
        ArgumentNullException.ThrowIfNull(password);

        // An empty password makes a simple bind "unauthenticated" (RFC 4513, 5.1.2), which many servers
        // answer with success: never let it reach the directory.
        if (username.Length == 0 || password.Length == 0)
        {
            return false;
        }

        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.UserBind) || !settings.UserBind.Contains("{username}", StringComparison.Ordinal))
        {
            throw new LdapDirectoryException("Ldap:user_bind must be a DN template containing {username}.");
        }

        var userDn = settings.UserBind.Replace("{username}", LdapEscape.DnValue(username), StringComparison.Ordinal);
        return await RunAsync(settings, connection =>
        {
            try
            {
                connection.Bind(new NetworkCredential(userDn, password));
            }
            catch (LdapException e) when (UserRejectionCodes.Contains(e.ErrorCode))
            {
                LogPasswordRejected(username, e.ErrorCode);
                return false;
            }

            LogPasswordAccepted(username);
            return true;
        }, cancellationToken);
    }

    private async Task<T> RunAsync<T>(LdapOptions settings, Func<LdapConnection, T> operation, CancellationToken cancellationToken)
    {
        if (!LdapEndpoint.TryParse(settings.Url, out var endpoint))
        {
            // The configured URL may carry credentials (ldap://user:secret@host), so it is not quoted.
            throw new LdapDirectoryException("Ldap:url is not an ldap:// or ldaps:// URL with a host.");
        }

        var work = Task.Run(() =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            EnsureNativeTimeouts();
            using var connection = Connect(endpoint);
            try
            {
                return operation(connection);
            }
            catch (LdapException e)
            {
                throw new LdapDirectoryException(
                    $"LDAP server {endpoint} failed: {e.Message} (result code {e.ErrorCode}).", e);
            }
            catch (DirectoryException e)
            {
                var code = e is DirectoryOperationException { Response: { } response } ? (int)response.ResultCode : -1;
                throw new LdapDirectoryException($"LDAP server {endpoint} failed: {e.Message} (result code {code}).", e);
            }
        }, cancellationToken);
        return await work.WaitAsync(cancellationToken);
    }

    private void EnsureNativeTimeouts()
    {
        if (!LibLdapDefaults.EnsureApplied(OperationTimeout) && Interlocked.Exchange(ref _nativeTimeoutWarned, 1) == 0)
        {
            LogNativeTimeoutsNotSet(OperationTimeout);
        }
    }

    private static LdapConnection Connect(LdapEndpoint endpoint)
    {
        var connection = new LdapConnection(new LdapDirectoryIdentifier(endpoint.Host, endpoint.Port))
        {
            AuthType = AuthType.Basic,
            Timeout = OperationTimeout,
        };
        connection.SessionOptions.ProtocolVersion = 3;
        connection.SessionOptions.SecureSocketLayer = endpoint.Secure;

        // Referrals would be followed with our credentials to servers we were not configured for.
        connection.SessionOptions.ReferralChasing = ReferralChasingOptions.None;
        return connection;
    }

    private void BindAsService(LdapConnection connection, LdapOptions settings)
    {
        if (string.IsNullOrWhiteSpace(settings.SearchDn))
        {
            // No service account configured: search anonymously, as far as the directory allows.
            connection.AuthType = AuthType.Anonymous;
            connection.Bind();
            return;
        }

        var password = servicePassword();
        if (string.IsNullOrEmpty(password))
        {
            throw new LdapDirectoryException(
                $"{LdapOptions.PasswordVariable} is not set, so the LDAP service account {settings.SearchDn} cannot bind.");
        }

        try
        {
            connection.Bind(new NetworkCredential(settings.SearchDn, password));
        }
        catch (LdapException e) when (e.ErrorCode == InvalidCredentials)
        {
            throw new LdapDirectoryException(
                $"LDAP server rejected the service bind as {settings.SearchDn}: check {LdapOptions.PasswordVariable}.", e);
        }
    }

    private List<LdapUser> Search(LdapConnection connection, LdapOptions settings, string filter, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(settings.UserBase))
        {
            throw new LdapDirectoryException("Ldap:user_base is not configured.");
        }

        var displayAttribute = settings.UsernameAttribute;
        var request = new SearchRequest(settings.UserBase, filter, SearchScope.Subtree, UidAttribute, displayAttribute);

        // Paged, so a directory with a size limit (Active Directory: 1000) still returns everyone. Not
        // critical: a server without paging ignores the control and answers in one go.
        var paging = new PageResultRequestControl(PageSize) { IsCritical = false };
        request.Controls.Add(paging);

        var users = new List<LdapUser>();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // A failed or truncated search throws rather than returning a partial list: the sync would
            // otherwise take the missing users for deleted ones.
            var response = (SearchResponse)connection.SendRequest(request, OperationTimeout);
            foreach (SearchResultEntry entry in response.Entries)
            {
                var uid = FirstValue(entry, UidAttribute);
                if (string.IsNullOrEmpty(uid))
                {
                    LogEntryWithoutUid(entry.DistinguishedName);
                    continue;
                }

                users.Add(new LdapUser(uid, FirstValue(entry, displayAttribute)));
            }

            var cookie = response.Controls.OfType<PageResultResponseControl>().FirstOrDefault()?.Cookie;
            if (cookie is not { Length: > 0 })
            {
                return users;
            }

            paging.Cookie = cookie;
        }
    }

    private static string? FirstValue(SearchResultEntry entry, string attributeName)
    {
        foreach (string name in entry.Attributes.AttributeNames)
        {
            if (string.Equals(name, attributeName, StringComparison.OrdinalIgnoreCase))
            {
                var values = entry.Attributes[name].GetValues(typeof(string));
                return values.Length > 0 ? (string)values[0] : null;
            }
        }

        return null;
    }

    // cc-backend's examples write "(&(objectclass=posixAccount))", but a bare "objectClass=posixAccount"
    // is a valid filter on its own and must still combine with the uid term.
    private static string NormalizeFilter(string? filter)
    {
        var trimmed = string.IsNullOrWhiteSpace(filter) ? "(objectClass=*)" : filter.Trim();
        return trimmed.StartsWith('(') ? trimmed : $"({trimmed})";
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Debug, Message = "LDAP search under {UserBase} returned {Count} users")]
    private partial void LogSearchCompleted(string? userBase, int count);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "LDAP entry {Dn} has no uid and is ignored")]
    private partial void LogEntryWithoutUid(string dn);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Debug, Message = "LDAP lookup of {Username} matched {Count} entries, not exactly one")]
    private partial void LogLookupNotUnique(string username, int count);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Information, Message = "LDAP rejected the password of {Username} (result code {ResultCode})")]
    private partial void LogPasswordRejected(string username, int resultCode);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Debug, Message = "LDAP accepted the password of {Username}")]
    private partial void LogPasswordAccepted(string username);

    [LoggerMessage(EventId = 2106, Level = LogLevel.Warning, Message = "Could not set libldap's defaults (timeouts of {Timeout}, restart after signals); a hung LDAP server can hold a bind indefinitely and signals can fail LDAP calls")]
    private partial void LogNativeTimeoutsNotSet(TimeSpan timeout);
}
