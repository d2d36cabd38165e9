using Clusterdeck.Core.Configuration;

namespace Clusterdeck.Core.Authentication;

/// <summary>The <c>Auth</c> section. Durations take Go syntax (<c>2000h</c>, <c>15m</c>) as cc-backend's config does, or <c>d.hh:mm:ss</c>.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>Lifetime of tokens made by <c>clusterdeck token</c> when no <c>--ttl</c> is given (cc-backend: <c>jwts.max-age</c>).</summary>
    public string TokenLifetime { get; set; } = "720h";

    /// <summary>Take a token's roles from the database instead of trusting its claims, and refuse tokens of unknown users (cc-backend: <c>jwts.validateUser</c>).</summary>
    public bool ValidateTokenUser { get; set; }

    /// <summary>How long a browser session lasts without activity.</summary>
    public string SessionLifetime { get; set; } = "168h";

    /// <summary>Failed logins allowed per (client address, username) within <see cref="FailedLoginWindow"/>.</summary>
    public int MaxFailedLogins { get; set; } = 5;

    public string FailedLoginWindow { get; set; } = "15m";

    public TimeSpan TokenLifetimeSpan => DurationText.Parse(TokenLifetime);

    public TimeSpan SessionLifetimeSpan => DurationText.Parse(SessionLifetime);

    public TimeSpan FailedLoginWindowSpan => DurationText.Parse(FailedLoginWindow);
}
