using System.Collections.Concurrent;

namespace Clusterdeck.Core.Metrics.Store;

/// <summary>A host of a cluster and, per metric, the tree of its series.</summary>
internal sealed class HostEntry(string name)
{
    public string Name { get; } = name;

    public ConcurrentDictionary<string, ScopeNode> Metrics { get; } = new(StringComparer.Ordinal);
}
