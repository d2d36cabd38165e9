using System.Collections.Concurrent;
using Clusterdeck.Core.Accounts;

namespace Clusterdeck.GraphQL;

/// <summary>What every resolver knows about the request: the authenticated caller the services decide access from.</summary>
internal sealed class GraphQLUserContext(Caller caller) : Dictionary<string, object?>
{
    private readonly ConcurrentDictionary<string, Task<UserAccount?>> _profiles = new(StringComparer.Ordinal);

    public Caller Caller { get; } = caller;

    /// <summary>
    /// A user's profile, looked up once per request: a page of jobs asking for <c>userData</c> names the same few
    /// users again and again.
    /// </summary>
    public Task<UserAccount?> ProfileAsync(string username, Func<string, Task<UserAccount?>> lookup) => _profiles.GetOrAdd(username, lookup);
}
