namespace Clusterdeck.Core.Metrics.Agent;

/// <summary>
/// One value read from this node, as cc-metric-collector names it: metric <paramref name="Name"/> at scope
/// <paramref name="Type"/> (<see cref="MetricScopes"/>) and, below node scope, the scope's id (<c>type-id</c>:
/// the hwthread number, or an accelerator's PCI bus id).
/// </summary>
public readonly record struct NodeMetric(string Name, string Type, string? TypeId, double Value)
{
    public static NodeMetric Node(string name, double value) => new(name, MetricScopes.Node, null, value);
}
