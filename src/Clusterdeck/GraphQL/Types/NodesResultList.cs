namespace Clusterdeck.GraphQL.Types;

/// <summary>A page of hosts with their data (cc-backend's <c>NodesResultList</c>; it leaves offset, limit and count null).</summary>
internal sealed record NodesResultList(IReadOnlyList<NodeMetrics> Items, int TotalNodes, bool HasNextPage);
