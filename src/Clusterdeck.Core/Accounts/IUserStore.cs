namespace Clusterdeck.Core.Accounts;

/// <summary>
/// Persistence of user accounts. Implementations must make each call atomic: a call that returns
/// has either written everything or nothing, and what it wrote survives a crash of the process.
/// </summary>
public interface IUserStore
{
    Task<UserAccount?> FindAsync(string username, CancellationToken cancellationToken);

    /// <summary>All users, ordered by username.</summary>
    Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken);

    Task<int> CountAsync(CancellationToken cancellationToken);

    /// <summary>Inserts the user; returns false, writing nothing, when the username is taken.</summary>
    Task<bool> AddAsync(UserAccount user, CancellationToken cancellationToken);

    /// <summary>Replaces the stored user of the same username; returns false when there is none.</summary>
    Task<bool> UpdateAsync(UserAccount user, CancellationToken cancellationToken);

    /// <summary>Deletes the user; returns false when there was none.</summary>
    Task<bool> DeleteAsync(string username, CancellationToken cancellationToken);
}
