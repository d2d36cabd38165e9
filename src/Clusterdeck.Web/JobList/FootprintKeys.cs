using Clusterdeck.Core.Clusters;

namespace Clusterdeck.Web.JobList;

/// <summary>The footprint keys a view can sort and filter by.</summary>
public static class FootprintKeys
{
    /// <summary>
    /// The keys (<c>flops_any_avg</c>) of the clusters a view can show — the one named by <paramref name="cluster"/>, or every
    /// cluster when it is empty or a pattern — leaving out metrics marked <c>restrict</c> for a caller who may not see them.
    /// </summary>
    public static IReadOnlyList<string> Visible(IClusterCatalog catalog, string? cluster, bool seesRestricted)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var clusters = cluster is { Length: > 0 } name && !name.Contains('*', StringComparison.Ordinal)
            ? catalog.Find(name) is { } one ? [one] : []
            : catalog.Clusters;
        return [.. clusters
            .SelectMany(c => c.SubClusters.SelectMany(s =>
            {
                var visible = catalog.MetricConfigFor(c.Name, s.Name, restrictedCaller: !seesRestricted);
                return catalog.FootprintFor(c.Name, s.Name).Where(f => visible.Any(m => m.Name == f.Metric));
            }))
            .Select(f => f.Key)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
    }
}
