using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Jobs;

namespace Clusterdeck.Web.JobDetails;

/// <summary>The metric config the job view judges a job by, the same for its plots, its statistics and its plot data.</summary>
public static class JobMetricConfigs
{
    /// <summary>
    /// The job's subcluster's metrics the caller may see; for a job whose subcluster the cluster does not know (an
    /// imported archive's), the cluster's own metric list, so its values can still be judged and plotted.
    /// </summary>
    public static IReadOnlyList<MetricConfig> For(IClusterCatalog catalog, Job job, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(job);
        var restricted = !AccessRules.SeesRestrictedMetrics(caller);
        var metrics = catalog.MetricConfigFor(job.Cluster, job.SubCluster, restricted);
        return metrics.Count > 0 ? metrics : [.. catalog.Find(job.Cluster)?.MetricConfig.Where(m => !restricted || !m.Restrict) ?? []];
    }
}
