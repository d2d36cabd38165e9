using System.Diagnostics.CodeAnalysis;

namespace Clusterdeck.Core.Authentication;

/// <summary>
/// The outcome of <see cref="JwtTokenService.Validate"/>: the claims of a valid token, or a short reason
/// that is safe to log or return to the caller (it never contains the token).
/// </summary>
public sealed record TokenValidationResult
{
    private TokenValidationResult()
    {
    }

    [MemberNotNullWhen(true, nameof(Subject))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool IsValid { get; private init; }

    public string? Failure { get; private init; }

    /// <summary>The <c>sub</c> claim: the user name.</summary>
    public string? Subject { get; private init; }

    /// <summary>The string entries of the <c>roles</c> claim, unchecked; empty when the claim is absent.</summary>
    public IReadOnlyList<string> Roles { get; private init; } = [];

    /// <summary>The <c>iat</c> claim, if the token has one (cc-backend always sets it; validation does not require it).</summary>
    public DateTimeOffset? IssuedAt { get; private init; }

    /// <summary>The <c>exp</c> claim; null for a token that never expires.</summary>
    public DateTimeOffset? ExpiresAt { get; private init; }

    internal static TokenValidationResult Success(string subject, IReadOnlyList<string> roles, DateTimeOffset? issuedAt, DateTimeOffset? expiresAt) =>
        new() { IsValid = true, Subject = subject, Roles = roles, IssuedAt = issuedAt, ExpiresAt = expiresAt };

    internal static TokenValidationResult Fail(string failure) => new() { IsValid = false, Failure = failure };
}
