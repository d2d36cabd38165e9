using System.Collections.Concurrent;
using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Jobs;
using Clusterdeck.Core.Jobs.Footprints;

namespace Clusterdeck.Core.Archive.Import;

/// <summary>Places jobs with the cluster catalog, as cc-backend's importer does: a subcluster named in the job must exist; an empty one is assigned from the first host.</summary>
public sealed class CatalogJobPlacement(IClusterCatalog catalog) : IJobPlacement
{
    private readonly ConcurrentDictionary<(string Cluster, string SubCluster), FootprintDefinition> _definitions = new();

    public bool TryPlace(Job job, out Job placed, out FootprintDefinition footprint, out ImportFailure failure)
    {
        ArgumentNullException.ThrowIfNull(job);
        placed = job;
        footprint = FootprintDefinition.Empty;
        failure = default;
        if (catalog.Find(job.Cluster) is null)
        {
            failure = new ImportFailure(ImportFailure.UnknownCluster, $"no such cluster: '{job.Cluster}'");
            return false;
        }

        if (job.SubCluster.Length > 0)
        {
            if (catalog.FindSubCluster(job.Cluster, job.SubCluster) is null)
            {
                failure = new ImportFailure(ImportFailure.UnknownSubCluster, $"subcluster '{job.SubCluster}' is not part of cluster '{job.Cluster}'");
                return false;
            }
        }
        else if (job.Resources.Count == 0)
        {
            failure = new ImportFailure(ImportFailure.Invalid, "job without any resources/hosts");
            return false;
        }
        else if (catalog.AssignSubCluster(job.Cluster, job.Resources[0].Hostname) is { } assigned)
        {
            placed = job with { SubCluster = assigned };
        }
        else
        {
            failure = new ImportFailure(ImportFailure.UnknownSubCluster, $"no subcluster of '{job.Cluster}' contains host '{job.Resources[0].Hostname}'");
            return false;
        }

        footprint = _definitions.GetOrAdd((placed.Cluster, placed.SubCluster), key => Definition(catalog, key.Cluster, key.SubCluster));
        return true;
    }

    /// <summary>The footprint and energy metrics of a subcluster, as the footprint calculation takes them.</summary>
    public static FootprintDefinition Definition(IClusterCatalog catalog, string cluster, string subCluster)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new FootprintDefinition(
            [.. catalog.FootprintFor(cluster, subCluster).Select(f => new FootprintStatistic(f.Metric, f.Statistic))],
            [.. catalog.EnergyMetricsFor(cluster, subCluster).Select(m => new EnergyMetric(m.Name, m.Energy))]);
    }
}
