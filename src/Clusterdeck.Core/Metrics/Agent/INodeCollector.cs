namespace Clusterdeck.Core.Metrics.Agent;

/// <summary>
/// Reads one group of node metrics. Collectors of rates keep the previous reading: their first call only
/// records it and adds nothing, so the first cycle of an agent carries gauges only.
/// </summary>
internal interface INodeCollector
{
    /// <summary>Short name for logs, e.g. <c>cpustat</c>.</summary>
    string Name { get; }

    /// <summary>Adds this collector's current values to <paramref name="output"/>; throws when its source cannot be read.</summary>
    ValueTask CollectAsync(ICollection<NodeMetric> output, CancellationToken cancellationToken);
}
