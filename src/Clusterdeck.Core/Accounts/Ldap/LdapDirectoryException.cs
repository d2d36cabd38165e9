namespace Clusterdeck.Core.Accounts.Ldap;

/// <summary>
/// The directory could not answer: the server is unreachable or timed out, the service account was
/// rejected, a search failed, or the configuration is unusable. A rejected user password is not an
/// error; <see cref="ILdapDirectory.VerifyPasswordAsync"/> returns false for it. The message names the
/// server URL and the failing step and never contains a password.
/// </summary>
public sealed class LdapDirectoryException : Exception
{
    public LdapDirectoryException()
        : base("The LDAP directory could not answer.")
    {
    }

    public LdapDirectoryException(string message)
        : base(message)
    {
    }

    public LdapDirectoryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
