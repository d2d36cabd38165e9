namespace Clusterdeck.Core.Accounts.Ldap;

/// <summary>The directory could not be reached or refused the service account. The message names the server, never a password.</summary>
public sealed class LdapUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);
