namespace Clusterdeck.Core.Accounts.Ldap;

/// <summary>A user entry as read from the directory: its <c>uid</c> and its display name.</summary>
public sealed record LdapUser(string Username, string? Name);
