using Clusterdeck.Core.Nodes;

namespace Clusterdeck.GraphQL.Types;

/// <summary>The node list as cc-backend's <c>NodeStateResultList</c> carries it: all matching nodes and their number.</summary>
internal sealed record NodeStateResultList(IReadOnlyList<Node> Items, long Count);
