using Clusterdeck.Core.Accounts;

namespace Clusterdeck.Core.Authentication;

public sealed record LoginResult(LoginStatus Status, UserAccount? User = null, TimeSpan RetryAfter = default)
{
    public static LoginResult Invalid { get; } = new(LoginStatus.InvalidCredentials);
}
