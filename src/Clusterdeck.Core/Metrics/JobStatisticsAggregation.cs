using Clusterdeck.Core.Archive;
using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Jobs;

namespace Clusterdeck.Core.Metrics;

/// <summary>
/// A job's statistics per metric from its nodes, as cc-backend computes them when it archives a job
/// (<c>archiver.ArchiveJob</c>) and when it refreshes a running job's footprint: avg is the sum of the node averages
/// divided by the job's node count, min and max are taken over the nodes. All three are rounded to two decimals
/// (Go's <c>math.Round(x*100)/100</c>, halves away from zero).
/// </summary>
/// <remarks>
/// cc-backend's archiver rounds only avg itself, but the node statistics it aggregates arrive from cc-metric-store as
/// two-decimal JSON numbers, so its min and max have two decimals as well; rounding here gives the same files whatever
/// the source. Dividing by the node count (not by the nodes that delivered data) is cc-backend's rule too: a job
/// with a missing host gets a lower average, which is what "archives what exists" means for a sum.
/// </remarks>
public static class JobStatisticsAggregation
{
    /// <summary>
    /// The statistics of every configured metric that has node-scope series in <paramref name="data"/>, in metric-config
    /// order. Series must carry statistics already (<see cref="PrepareForArchive"/>). Metrics without any, and hosts of
    /// the job without a node series, are named in <paramref name="missing"/>.
    /// </summary>
    public static Dictionary<string, MetricStatistics> FromNodeSeries(
        Job job, JobData data, IReadOnlyList<MetricConfig> metrics, ICollection<string> missing)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(missing);
        var statistics = new Dictionary<string, MetricStatistics>(metrics.Count, StringComparer.Ordinal);
        foreach (var metric in metrics)
        {
            if (!data.TryGetValue(metric.Name, out var scopes) || !scopes.TryGetValue(MetricScopes.Node, out var node))
            {
                missing.Add($"{metric.Name}: no node-scope data");
                continue;
            }

            var aggregate = new Aggregate();
            var hosts = new HashSet<string>(StringComparer.Ordinal);
            foreach (var series in node.Series)
            {
                if (series.Statistics is { } s)
                {
                    aggregate.Add(s.Avg, s.Min, s.Max);
                    hosts.Add(series.Hostname);
                }
            }

            if (aggregate.Count == 0)
            {
                missing.Add($"{metric.Name}: no node-scope data");
                continue;
            }

            foreach (var resource in job.Resources)
            {
                if (!hosts.Contains(resource.Hostname))
                {
                    missing.Add($"{metric.Name}: no data for host {resource.Hostname}");
                }
            }

            statistics[metric.Name] = aggregate.ToStatistics(metric.Unit, job.NumNodes);
        }

        return statistics;
    }

    /// <summary>
    /// The statistics of every configured metric from per-host statistics (a running job's refresh), over the job's
    /// own hosts, in metric-config order. Metrics without any host are left out.
    /// </summary>
    public static Dictionary<string, MetricStatistics> FromHostStatistics(Job job, JobStatistics hostStatistics, IReadOnlyList<MetricConfig> metrics)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(hostStatistics);
        ArgumentNullException.ThrowIfNull(metrics);
        var statistics = new Dictionary<string, MetricStatistics>(metrics.Count, StringComparer.Ordinal);
        foreach (var metric in metrics)
        {
            if (!hostStatistics.TryGetValue(metric.Name, out var hosts))
            {
                continue;
            }

            var aggregate = new Aggregate();
            foreach (var resource in job.Resources)
            {
                if (hosts.TryGetValue(resource.Hostname, out var s))
                {
                    aggregate.Add(s.Avg, s.Min, s.Max);
                }
            }

            if (aggregate.Count > 0)
            {
                statistics[metric.Name] = aggregate.ToStatistics(metric.Unit, job.NumNodes);
            }
        }

        return statistics;
    }

    /// <summary>
    /// The data as the archive stores it: every series with statistics over its samples (computed where the source
    /// gave none, or gave ones that are not numbers), rounded to two decimals as cc-backend's <c>RoundMetricStats</c> does.
    /// A series without a single sample is left out and named in <paramref name="missing"/>, as is a scope left empty.
    /// </summary>
    public static JobData PrepareForArchive(JobData data, ICollection<string> missing)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(missing);
        var prepared = new JobData();
        foreach (var (metric, scopes) in data)
        {
            var preparedScopes = new Dictionary<string, JobMetric>(scopes.Count, StringComparer.Ordinal);
            foreach (var (scope, jobMetric) in scopes)
            {
                var series = new List<MetricSeries>(jobMetric.Series.Count);
                foreach (var one in jobMetric.Series)
                {
                    if (StatisticsOf(one) is { } statistics)
                    {
                        series.Add(one with { Statistics = statistics });
                    }
                    else
                    {
                        missing.Add($"{metric}/{scope}: no samples for {one.Hostname}{(one.Id is null ? "" : "/" + one.Id)}");
                    }
                }

                if (series.Count > 0)
                {
                    preparedScopes[scope] = jobMetric with { Series = series };
                }
            }

            if (preparedScopes.Count > 0)
            {
                prepared[metric] = preparedScopes;
            }
        }

        return prepared;
    }

    private static SeriesStatistics? StatisticsOf(MetricSeries series)
    {
        var given = series.Statistics;
        if (given is not null && double.IsFinite(given.Avg) && double.IsFinite(given.Min) && double.IsFinite(given.Max))
        {
            return Rounded(given.Avg, given.Min, given.Max);
        }

        return SeriesStatistics.Of(series.Data) is { } computed ? Rounded(computed.Avg, computed.Min, computed.Max) : null;
    }

    private static SeriesStatistics Rounded(double avg, double min, double max) =>
        new() { Avg = MetricStatistics.RoundToHundredths(avg), Min = MetricStatistics.RoundToHundredths(min), Max = MetricStatistics.RoundToHundredths(max) };

    private struct Aggregate
    {
        private double _sum;
        private double _min;
        private double _max;

        public int Count { get; private set; }

        public void Add(double avg, double min, double max)
        {
            if (!double.IsFinite(avg) || !double.IsFinite(min) || !double.IsFinite(max))
            {
                return;
            }

            _sum += avg;
            _min = Count == 0 ? min : Math.Min(_min, min);
            _max = Count == 0 ? max : Math.Max(_max, max);
            Count++;
        }

        public readonly MetricStatistics ToStatistics(MetricUnit unit, int numNodes) => new()
        {
            Unit = unit,
            Avg = MetricStatistics.RoundToHundredths(_sum / Math.Max(numNodes, 1)),
            Min = MetricStatistics.RoundToHundredths(_min),
            Max = MetricStatistics.RoundToHundredths(_max),
        };
    }
}
