namespace Clusterdeck.Core.Authentication;

public enum LoginStatus
{
    Success,
    InvalidCredentials,
    /// <summary>Too many failures for this client and username; try again after the given time.</summary>
    Throttled,
    /// <summary>The user authenticates through LDAP and the directory could not be reached.</summary>
    DirectoryUnavailable,
}
