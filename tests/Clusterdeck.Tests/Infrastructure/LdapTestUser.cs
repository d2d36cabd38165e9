namespace Clusterdeck.Tests.Infrastructure;

/// <summary>A user entry in <see cref="SlapdServer"/>: its <c>uid</c>, plain-text password and display name (<c>cn</c>, <c>gecos</c>, <c>displayName</c>).</summary>
public sealed record LdapTestUser(string Uid, string Password, string DisplayName);
