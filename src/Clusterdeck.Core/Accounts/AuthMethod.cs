namespace Clusterdeck.Core.Accounts;

/// <summary>How a caller proved who it is.</summary>
public enum AuthMethod
{
    /// <summary>A signed JWT (<c>X-Auth-Token</c> or <c>Authorization: Bearer</c>).</summary>
    Token,

    /// <summary>A browser session cookie set by the login form.</summary>
    Session,

    /// <summary>The local command line, run by whoever can read the configuration and the database.</summary>
    Console,
}
