using System.Collections.Concurrent;
using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Jobs.Footprints;

namespace Clusterdeck.Core.Jobs;

/// <summary>
/// Places a job in the cluster configuration, as cc-backend does for start_job and its importers: the cluster must
/// exist; a subcluster named in the job must exist, an empty one is assigned from the first host's node list.
/// The one placement rule for <see cref="JobService"/> and both archive imports.
/// </summary>
public sealed class JobPlacement(IClusterCatalog catalog)
{
    private readonly ConcurrentDictionary<(string Cluster, string SubCluster), FootprintDefinition> _definitions = new();

    /// <summary>False with the <paramref name="rejection"/> when the job fits no configured cluster or subcluster; else the job with its subcluster.</summary>
    public bool TryPlace(Job job, out Job placed, out JobRejection rejection)
    {
        ArgumentNullException.ThrowIfNull(job);
        placed = job;
        rejection = default;
        if (catalog.Find(job.Cluster) is null)
        {
            rejection = new JobRejection(JobRejection.UnknownCluster, $"no such cluster: '{job.Cluster}'");
            return false;
        }

        if (job.SubCluster.Length > 0)
        {
            if (catalog.FindSubCluster(job.Cluster, job.SubCluster) is null)
            {
                rejection = new JobRejection(JobRejection.UnknownSubCluster, $"subcluster '{job.SubCluster}' is not part of cluster '{job.Cluster}'");
                return false;
            }
        }
        else if (job.Resources.Count == 0)
        {
            rejection = new JobRejection(JobRejection.Invalid, "job without any resources/hosts");
            return false;
        }
        else if (catalog.AssignSubCluster(job.Cluster, job.Resources[0].Hostname) is { } assigned)
        {
            placed = job with { SubCluster = assigned };
        }
        else
        {
            rejection = new JobRejection(JobRejection.UnknownSubCluster, $"no subcluster of '{job.Cluster}' contains host '{job.Resources[0].Hostname}'");
            return false;
        }

        return true;
    }

    /// <summary>
    /// A finished job as it enters the job table from an archive: placed, sanity-checked (<see cref="JobSanity"/>),
    /// marked archived, with its footprint and energy computed from its statistics.
    /// </summary>
    public bool TryPrepareArchived(Job job, out Job prepared, out JobRejection rejection)
    {
        prepared = job;
        if (!TryPlace(job, out var placed, out rejection))
        {
            return false;
        }

        if (JobSanity.Check(placed) is { } problem)
        {
            rejection = new JobRejection(JobRejection.Invalid, problem);
            return false;
        }

        prepared = JobFootprint.Apply(
            placed with { Id = null, MonitoringStatus = MonitoringStatus.ArchivingSuccessful },
            FootprintDefinitionFor(placed.Cluster, placed.SubCluster));
        return true;
    }

    /// <summary>What a subcluster's footprint and energy footprint consist of (empty lists when it is unknown); computed once per subcluster.</summary>
    public FootprintDefinition FootprintDefinitionFor(string cluster, string subCluster) =>
        _definitions.GetOrAdd((cluster, subCluster), static (key, catalog) => new FootprintDefinition(
            catalog.FootprintFor(key.Cluster, key.SubCluster),
            [.. catalog.EnergyMetricsFor(key.Cluster, key.SubCluster).Select(m => new EnergyMetric(m.Name, m.Energy))]), catalog);
}
