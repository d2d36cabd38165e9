using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Accounts.Ldap;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clusterdeck.Core.Authentication;

/// <summary>
/// Password login for every front end: local users by bcrypt, LDAP users by a bind as the user.
/// Failures are throttled per (client address, username) and logged without the password.
/// </summary>
public sealed partial class LoginService(
    IUserStore store,
    ILdapDirectory directory,
    IOptions<LdapOptions> ldapOptions,
    LoginThrottle throttle,
    ILogger<LoginService> logger)
{
    private readonly LdapOptions _ldap = ldapOptions.Value;

    public async Task<LoginResult> LoginAsync(string username, string password, string clientAddress, CancellationToken cancellationToken)
    {
        if (throttle.IsBlocked(clientAddress, username, out var retryAfter))
        {
            LogThrottled(logger, username, clientAddress);
            return new LoginResult(LoginStatus.Throttled, RetryAfter: retryAfter);
        }

        UserAccount? user;
        try
        {
            user = await AuthenticateAsync(username, password, cancellationToken);
        }
        catch (LdapDirectoryException e)
        {
            LogDirectoryUnavailable(logger, e, username);
            return new LoginResult(LoginStatus.DirectoryUnavailable);
        }

        if (user is null)
        {
            throttle.RecordFailure(clientAddress, username);
            LogFailed(logger, username, clientAddress);
            return LoginResult.Invalid;
        }

        throttle.Reset(clientAddress, username);
        LogSucceeded(logger, user.Username, clientAddress, user.AuthSource);
        return new LoginResult(LoginStatus.Success, user);
    }

    private async Task<UserAccount?> AuthenticateAsync(string username, string password, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(username) || string.IsNullOrEmpty(password))
        {
            return null;
        }

        var user = await store.FindAsync(username, cancellationToken);
        switch (user?.AuthSource)
        {
            case AuthSource.Local:
                return PasswordHasher.Verify(password, user.PasswordHash) ? user : null;
            case AuthSource.Ldap when _ldap.Enabled:
                return await directory.VerifyPasswordAsync(username, password, cancellationToken) ? user : null;
            case null when _ldap.Enabled && _ldap.SyncUserOnLogin:
                return await AddFromDirectoryAsync(username, password, cancellationToken);
            default:
                // Unknown user, or one who cannot log in with a password: spend a bcrypt's time anyway,
                // so response times do not tell which usernames exist.
                PasswordHasher.Verify(password, null);
                return null;
        }
    }

    /// <summary>First login of a directory user unknown to the database (<c>sync-user-on-login</c>).</summary>
    private async Task<UserAccount?> AddFromDirectoryAsync(string username, string password, CancellationToken cancellationToken)
    {
        var entry = await directory.FindUserAsync(username, cancellationToken);
        // Unlike cc-backend, the user is added only after the directory accepted the password.
        if (entry is null || !await directory.VerifyPasswordAsync(entry.Username, password, cancellationToken))
        {
            return null;
        }

        var user = entry.ToNewAccount();
        if (!await store.AddAsync(user, cancellationToken))
        {
            // Added concurrently (a parallel login or a sync); use what is stored.
            return await store.FindAsync(entry.Username, cancellationToken);
        }

        LogAddedOnLogin(logger, entry.Username);
        return user;
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Login of {Username} from {ClientAddress} succeeded ({AuthSource})")]
    private static partial void LogSucceeded(ILogger logger, string username, string clientAddress, AuthSource authSource);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Login of {Username} from {ClientAddress} failed")]
    private static partial void LogFailed(ILogger logger, string username, string clientAddress);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Login of {Username} from {ClientAddress} refused: too many failed attempts")]
    private static partial void LogThrottled(ILogger logger, string username, string clientAddress);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error, Message = "Login of {Username} failed: the LDAP directory is unavailable")]
    private static partial void LogDirectoryUnavailable(ILogger logger, Exception exception, string username);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "LDAP user {Username} added to the database on first login")]
    private static partial void LogAddedOnLogin(ILogger logger, string username);
}
