namespace Clusterdeck.Core.Clusters;

/// <summary>
/// The clusters of the job archive (every <c>&lt;archive&gt;/&lt;cluster&gt;/cluster.json</c>), loaded once at start,
/// with each subcluster's derived metric config, footprint and energy-footprint lists.
/// </summary>
public interface IClusterCatalog
{
    /// <summary>Clusters in name order.</summary>
    IReadOnlyList<Cluster> Clusters { get; }

    Cluster? Find(string name);

    SubCluster? FindSubCluster(string cluster, string name);

    /// <summary>
    /// The subcluster a host belongs to: the first whose node list contains it; failing that, the first
    /// subcluster when its node list is <c>*</c> or empty (cc-backend's rule); null when none applies or the
    /// cluster is unknown.
    /// </summary>
    string? AssignSubCluster(string cluster, string hostname);

    /// <summary>
    /// The metrics of a subcluster: the cluster's metric config with the subcluster's overrides applied and
    /// removed metrics left out. A <paramref name="restrictedCaller"/> (whose only role is <c>user</c>) does not
    /// see metrics marked <c>restrict</c>. Empty when the cluster or subcluster is unknown.
    /// </summary>
    IReadOnlyList<MetricConfig> MetricConfigFor(string cluster, string subCluster, bool restrictedCaller);

    /// <summary>The job-footprint entries of a subcluster, in metric-config order (empty when unknown).</summary>
    IReadOnlyList<FootprintMetric> FootprintFor(string cluster, string subCluster);

    /// <summary>The metrics counted towards a job's energy on a subcluster (<c>energy</c> set), in metric-config order.</summary>
    IReadOnlyList<MetricConfig> EnergyMetricsFor(string cluster, string subCluster);
}
