using Clusterdeck.Core.Archive;
using Clusterdeck.Core.Jobs;

namespace Clusterdeck.Core.Metrics;

/// <summary>
/// Where live metric data comes from (cc-backend's <c>MetricDataRepository</c>): the in-process store by default, an
/// external cc-metric-store, or Prometheus, chosen per cluster by configuration. Implementations translate scopes
/// through the subcluster topology (hwthread → core → socket → node, accelerator → node), so callers ask for the
/// scopes they want to show, not the one the metric is measured at.
/// </summary>
/// <remarks>
/// A missing metric, host or scope never fails a whole call: what exists is returned and what is missing is named in
/// <see cref="MetricLoad{T}.Missing"/>. Exceptions mean the source itself could not be asked (down, refused the token).
/// </remarks>
public interface IMetricSource
{
    /// <summary>
    /// A job's data over its run time (start until stop, or until now while it runs) on its hosts and, below node
    /// scope, on the hardware threads and accelerators it was given. <paramref name="resolution"/> 0 means native.
    /// </summary>
    Task<MetricLoad<JobData>> LoadJobDataAsync(
        Job job, IReadOnlyList<string> metrics, IReadOnlyList<string> scopes, int resolution, CancellationToken cancellationToken);

    /// <summary>Per metric and host, the job's node-scope statistics over its run time.</summary>
    Task<MetricLoad<JobStatistics>> LoadJobStatisticsAsync(Job job, IReadOnlyList<string> metrics, CancellationToken cancellationToken);

    /// <summary>Per metric and scope, the job's statistics for each series (host, and scope id below node).</summary>
    Task<MetricLoad<ScopedJobStatistics>> LoadScopedJobStatisticsAsync(
        Job job, IReadOnlyList<string> metrics, IReadOnlyList<string> scopes, CancellationToken cancellationToken);

    /// <summary>Per host, the data of whole nodes (all their hardware) between <paramref name="fromTime"/> and <paramref name="toTime"/> (Unix seconds).</summary>
    Task<MetricLoad<NodeData>> LoadNodeDataAsync(
        string cluster, IReadOnlyList<string> hosts, IReadOnlyList<string> metrics, IReadOnlyList<string> scopes,
        long fromTime, long toTime, int resolution, CancellationToken cancellationToken);
}

/// <summary>What a source could load, and a message for each metric, host or scope it could not.</summary>
public sealed record MetricLoad<T>(T Data, IReadOnlyList<string> Missing);

/// <summary>metric → host → statistics over the job's run time (node scope).</summary>
public sealed class JobStatistics : Dictionary<string, Dictionary<string, MetricStatistics>>
{
    public JobStatistics()
        : base(StringComparer.Ordinal)
    {
    }
}

/// <summary>metric → scope → one entry per series (cc-backend <c>schema.ScopedJobStats</c>).</summary>
public sealed class ScopedJobStatistics : Dictionary<string, Dictionary<string, List<ScopedStatistics>>>
{
    public ScopedJobStatistics()
        : base(StringComparer.Ordinal)
    {
    }
}

/// <summary>The statistics of one series: a host, and below node scope the scope id.</summary>
public sealed record ScopedStatistics(string Hostname, string? Id, SeriesStatistics Data);

/// <summary>host → that node's data (metric → scope → series).</summary>
public sealed class NodeData : Dictionary<string, JobData>
{
    public NodeData()
        : base(StringComparer.Ordinal)
    {
    }
}
