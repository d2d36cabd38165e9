using Clusterdeck.Core.Accounts.Ldap;

namespace Clusterdeck.Tests.Ldap;

/// <summary>
/// An <see cref="ILdapDirectory"/> whose searches answer from a script, for testing the sync schedule
/// without a server. Each search takes the next step; after the last step, the last one repeats.
/// </summary>
internal sealed class ScriptedLdapDirectory(params Func<IReadOnlyList<LdapUser>>[] steps) : ILdapDirectory
{
    private int _searches;

    public int Searches => Volatile.Read(ref _searches);

    public Task<IReadOnlyList<LdapUser>> SearchUsersAsync(CancellationToken cancellationToken)
    {
        var index = Interlocked.Increment(ref _searches) - 1;
        return Task.FromResult(steps[Math.Min(index, steps.Length - 1)]());
    }

    public Task<LdapUser?> FindUserAsync(string username, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The sync only searches.");

    public Task<bool> VerifyPasswordAsync(string username, string password, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The sync only searches.");
}
