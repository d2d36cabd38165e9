using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Metrics;

namespace Clusterdeck.Web.JobDetails;

/// <summary>A metric's peak and judgement levels at one scope.</summary>
public sealed record PlotThresholds(double Peak, double Normal, double Caution, double Alert)
{
    /// <summary>
    /// The configured levels hold for a node. An averaged metric (<c>avg</c>) is judged the same at every scope; a summed
    /// one (<c>sum</c>) splits over the node's parts, so a socket of a two-socket node gets half (cc-backend's rule).
    /// </summary>
    public static PlotThresholds For(MetricConfig metric, string scope, Topology? topology)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var parts = metric.Aggregation == "sum" ? PartsPerNode(scope, topology) : 1;
        return new PlotThresholds(metric.Peak / parts, metric.Normal / parts, metric.Caution / parts, metric.Alert / parts);
    }

    private static int PartsPerNode(string scope, Topology? topology)
    {
        var count = scope switch
        {
            MetricScopes.Socket => topology?.Socket.Count,
            MetricScopes.MemoryDomain => topology?.MemoryDomain.Count,
            MetricScopes.Core => topology?.Core.Count,
            MetricScopes.HwThread => topology?.Node.Count,
            MetricScopes.Accelerator => topology?.Accelerators?.Count,
            _ => 1,
        };
        return count is > 0 ? count.Value : 1;
    }
}
