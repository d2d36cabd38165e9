using Clusterdeck.Core.Accounts;

namespace Clusterdeck.GraphQL;

/// <summary>What every resolver knows about the request: the authenticated caller the services decide access from.</summary>
internal sealed class GraphQLUserContext(Caller caller) : Dictionary<string, object?>
{
    public Caller Caller { get; } = caller;
}
