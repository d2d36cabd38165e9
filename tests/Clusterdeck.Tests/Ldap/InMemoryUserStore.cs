using Clusterdeck.Core.Accounts;

namespace Clusterdeck.Tests.Ldap;

/// <summary>
/// A dictionary-backed <see cref="IUserStore"/> that isolates the LDAP sync's semantics from storage.
/// The real EF Core store is covered by the storage suite against SQLite and PostgreSQL.
/// </summary>
internal sealed class InMemoryUserStore : IUserStore
{
    private readonly SortedDictionary<string, UserAccount> _users = new(StringComparer.Ordinal);

    public InMemoryUserStore(params UserAccount[] users)
    {
        foreach (var user in users)
        {
            _users.Add(user.Username, user);
        }
    }

    public Task<UserAccount?> FindAsync(string username, CancellationToken cancellationToken)
    {
        lock (_users)
        {
            return Task.FromResult(_users.GetValueOrDefault(username));
        }
    }

    public Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken)
    {
        lock (_users)
        {
            return Task.FromResult<IReadOnlyList<UserAccount>>([.. _users.Values]);
        }
    }

    public Task<int> CountAsync(CancellationToken cancellationToken)
    {
        lock (_users)
        {
            return Task.FromResult(_users.Count);
        }
    }

    public Task<bool> AddAsync(UserAccount user, CancellationToken cancellationToken)
    {
        lock (_users)
        {
            return Task.FromResult(_users.TryAdd(user.Username, user));
        }
    }

    public Task<bool> UpdateAsync(UserAccount user, CancellationToken cancellationToken)
    {
        lock (_users)
        {
            if (!_users.ContainsKey(user.Username))
            {
                return Task.FromResult(false);
            }

            _users[user.Username] = user;
            return Task.FromResult(true);
        }
    }

    public Task<bool> DeleteAsync(string username, CancellationToken cancellationToken)
    {
        lock (_users)
        {
            return Task.FromResult(_users.Remove(username));
        }
    }
}
