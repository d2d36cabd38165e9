namespace Clusterdeck.Core.Accounts;

/// <summary>
/// bcrypt at cost 10, as cc-backend writes it. Verification accepts the <c>$2a$</c>, <c>$2b$</c> and
/// <c>$2y$</c> prefixes, so hashes taken over from a ClusterCockpit database keep working.
/// </summary>
public static class PasswordHasher
{
    public const int WorkFactor = 10;

    /// <summary>A valid hash of a random secret, verified against when the user does not exist, so that
    /// a login for an unknown name costs as much time as one for a known name.</summary>
    private static readonly string DecoyHash = BCrypt.Net.BCrypt.HashPassword(Guid.NewGuid().ToString(), WorkFactor);

    public static string Hash(string password) => BCrypt.Net.BCrypt.HashPassword(password, WorkFactor);

    public static bool Verify(string password, string? hash)
    {
        if (string.IsNullOrEmpty(hash) || !hash.StartsWith("$2", StringComparison.Ordinal))
        {
            BCrypt.Net.BCrypt.Verify(password, DecoyHash);
            return false;
        }

        try
        {
            return BCrypt.Net.BCrypt.Verify(password, hash);
        }
        catch (BCrypt.Net.SaltParseException)
        {
            return false;
        }
    }
}
