using System.Security.Cryptography;
using Clusterdeck.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clusterdeck.Core.Accounts;

/// <summary>
/// On the first start, with no user at all, creates <c>admin</c> with a random password so that a new
/// installation can be logged into. The password is printed once to the log and written to
/// <c>&lt;data-dir&gt;/initial-admin-password</c> (mode 0600).
/// </summary>
public sealed partial class InitialAdminSeeder(IUserStore store, IOptions<StorageOptions> storage, ILogger<InitialAdminSeeder> logger)
{
    public const string Username = "admin";
    public const string PasswordFileName = "initial-admin-password";

    public async Task<bool> EnsureAsync(CancellationToken cancellationToken)
    {
        if (await store.CountAsync(cancellationToken) > 0)
        {
            return false;
        }

        var password = RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789", 20);
        // api as well as admin: the admin's own tokens then pass cc-backend's /api/* rule (admin + api).
        var admin = new UserAccount
        {
            Username = Username,
            Name = "Administrator",
            Roles = [Role.Api, Role.Admin],
            PasswordHash = PasswordHasher.Hash(password),
        };
        if (!await store.AddAsync(admin, cancellationToken))
        {
            return false; // another replica was faster
        }

        var file = Path.Combine(storage.Value.ResolvedDataDirectory, PasswordFileName);
        SecretFile.Write(file, password + "\n", overwrite: true);
        LogInitialAdmin(logger, Username, password, file);
        return true;
    }

    [LoggerMessage(EventId = 1010, Level = LogLevel.Warning,
        Message = "Created the initial user {Username} with password {InitialPassword} (also in {PasswordFile}); change it after the first login")]
    private static partial void LogInitialAdmin(ILogger logger, string username, string initialPassword, string passwordFile);
}
