namespace Clusterdeck.Core.Clusters;

/// <summary>Builds cc-backend's global metric list (<c>globalMetrics</c>) from the cluster catalog.</summary>
public static class GlobalMetricList
{
    /// <summary>
    /// Every metric name in name order. A <paramref name="restrictedCaller"/> (whose only role is <c>user</c>) does not
    /// get metrics marked <c>restrict</c>, as cc-backend's <c>GlobalUserMetricList</c>.
    /// </summary>
    public static IReadOnlyList<GlobalMetricListItem> Build(IClusterCatalog catalog, bool restrictedCaller)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var items = new Dictionary<string, (GlobalMetricListItem Item, List<ClusterSupport> Availability)>(StringComparer.Ordinal);
        foreach (var cluster in catalog.Clusters)
        {
            foreach (var metric in cluster.MetricConfig)
            {
                if (!items.TryGetValue(metric.Name, out var entry))
                {
                    entry = (new GlobalMetricListItem(metric.Name, metric.Unit, metric.Scope, metric.Footprint, metric.Restrict, []), []);
                }

                var subClusters = new List<string>();
                var footprint = entry.Item.Footprint;
                foreach (var sub in cluster.SubClusters)
                {
                    var effective = catalog.MetricConfigFor(cluster.Name, sub.Name, restrictedCaller: false).FirstOrDefault(m => m.Name == metric.Name);
                    if (effective is null)
                    {
                        continue;
                    }

                    subClusters.Add(sub.Name);
                    footprint = effective.Footprint ?? footprint;
                }

                entry.Availability.Add(new ClusterSupport(cluster.Name, subClusters));
                items[metric.Name] = (entry.Item with { Footprint = footprint }, entry.Availability);
            }
        }

        return [.. items.Values
            .Where(e => !restrictedCaller || !e.Item.Restrict)
            .Select(e => e.Item with { Availability = e.Availability })
            .OrderBy(i => i.Name, StringComparer.Ordinal)];
    }
}
