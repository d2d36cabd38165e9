using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Errors;
using Microsoft.Extensions.Options;

namespace Clusterdeck.Core.Authentication;

/// <summary>Issues API tokens for users and turns presented tokens into callers.</summary>
public sealed class AccessTokenService(IUserStore store, JwtTokenService tokens, IOptions<AuthOptions> options)
{
    private readonly AuthOptions _options = options.Value;

    /// <summary>How long a token lives when no lifetime is asked for (<c>Auth:TokenLifetime</c>).</summary>
    public TimeSpan DefaultLifetime => _options.TokenLifetimeSpan;

    /// <summary>
    /// Whether <see cref="IssueAsync"/> would issue <paramref name="caller"/> a token for <paramref name="username"/>:
    /// the role rule, and a key here that can sign (a server given only the public key validates tokens but issues none).
    /// </summary>
    public bool CanIssue(Caller caller, string username) => tokens.CanSign && AccessRules.CanReadUser(caller, username);

    /// <summary>A token carrying the user's current roles. Admins may issue for anyone, others only for themselves (as cc-backend's <c>/jwt/</c>).</summary>
    public async Task<string> IssueAsync(Caller caller, string username, TimeSpan? lifetime, CancellationToken cancellationToken)
    {
        if (!AccessRules.CanReadUser(caller, username))
        {
            throw new AccessDeniedException("only admins may issue tokens for other users");
        }

        if (lifetime is { } requested && requested <= TimeSpan.Zero)
        {
            throw new InvalidInputException("a token lifetime must be positive");
        }

        var user = await store.FindAsync(username, cancellationToken)
            ?? throw new NotFoundException($"user '{username}' does not exist");
        return tokens.Issue(user.Username, user.Roles.Select(r => r.ToName()), lifetime ?? _options.TokenLifetimeSpan);
    }

    public async Task<TokenCheck> CheckAsync(string token, CancellationToken cancellationToken)
    {
        var result = tokens.Validate(token);
        if (!result.IsValid)
        {
            return new TokenCheck(null, result.Failure);
        }

        if (_options.ValidateTokenUser)
        {
            var user = await store.FindAsync(result.Subject!, cancellationToken);
            return user is null
                ? new TokenCheck(null, "unknown user")
                : new TokenCheck(new Caller(user.Username, user.Roles, AuthMethod.Token), null);
        }

        // cc-backend trusts the roles in the token; names it does not know are ignored, not fatal.
        _ = RoleNames.TryParseAll(result.Roles, out var roles, out _);
        return new TokenCheck(new Caller(result.Subject!, roles, AuthMethod.Token), null);
    }
}
