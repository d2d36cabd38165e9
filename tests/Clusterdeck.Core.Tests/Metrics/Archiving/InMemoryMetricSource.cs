using Clusterdeck.Core.Archive;
using Clusterdeck.Core.Jobs;
using Clusterdeck.Core.Metrics;

namespace Clusterdeck.Core.Tests.Metrics.Archiving;

/// <summary>
/// A hand-written fake <see cref="IMetricSource"/>: node-scope samples per metric and host held in memory, or a failure to
/// throw. The real sources (in-process store, cc-metric-store, Prometheus) are exercised by the integration tests; these
/// unit tests need exact, hand-made data and failures on demand.
/// </summary>
internal sealed class InMemoryMetricSource : IMetricSource
{
    private readonly Dictionary<string, (MetricUnit Unit, Dictionary<string, float[]> Hosts)> _node = new(StringComparer.Ordinal);

    public int Timestep { get; init; } = 60;

    /// <summary>Thrown by every call while set.</summary>
    public Exception? Failure { get; set; }

    public int Calls { get; private set; }

    public IReadOnlyList<string>? RequestedScopes { get; private set; }

    public IReadOnlyList<string>? RequestedMetrics { get; private set; }

    public InMemoryMetricSource Add(string metric, string host, MetricUnit unit, params float[] samples)
    {
        if (!_node.TryGetValue(metric, out var entry))
        {
            entry = (unit, new Dictionary<string, float[]>(StringComparer.Ordinal));
            _node[metric] = entry;
        }

        entry.Hosts[host] = samples;
        return this;
    }

    public Task<MetricLoad<JobData>> LoadJobDataAsync(
        Job job, IReadOnlyList<string> metrics, IReadOnlyList<string> scopes, int resolution, CancellationToken cancellationToken)
    {
        Enter(metrics);
        RequestedScopes = scopes;
        var data = new JobData();
        var missing = new List<string>();
        foreach (var metric in metrics)
        {
            if (!_node.TryGetValue(metric, out var entry))
            {
                missing.Add($"{metric}: not measured");
                continue;
            }

            var series = job.Resources
                .Where(r => entry.Hosts.ContainsKey(r.Hostname))
                .Select(r => new MetricSeries { Hostname = r.Hostname, Data = entry.Hosts[r.Hostname] })
                .ToList();
            data[metric] = new Dictionary<string, JobMetric>(StringComparer.Ordinal)
            {
                [MetricScopes.Node] = new JobMetric { Unit = entry.Unit, Timestep = Timestep, Series = series },
            };
        }

        return Task.FromResult(new MetricLoad<JobData>(data, missing));
    }

    public Task<MetricLoad<JobStatistics>> LoadJobStatisticsAsync(Job job, IReadOnlyList<string> metrics, CancellationToken cancellationToken)
    {
        Enter(metrics);
        var statistics = new JobStatistics();
        foreach (var metric in metrics.Where(_node.ContainsKey))
        {
            statistics[metric] = _node[metric].Hosts
                .Where(h => h.Value.Any(float.IsFinite))
                .ToDictionary(h => h.Key, h => Statistics(h.Value), StringComparer.Ordinal);
        }

        return Task.FromResult(new MetricLoad<JobStatistics>(statistics, []));
    }

    public Task<MetricLoad<ScopedJobStatistics>> LoadScopedJobStatisticsAsync(
        Job job, IReadOnlyList<string> metrics, IReadOnlyList<string> scopes, CancellationToken cancellationToken) =>
        throw new NotSupportedException("not used by archiving");

    public Task<MetricLoad<NodeData>> LoadNodeDataAsync(
        string cluster, IReadOnlyList<string> hosts, IReadOnlyList<string> metrics, IReadOnlyList<string> scopes,
        long fromTime, long toTime, int resolution, CancellationToken cancellationToken) =>
        throw new NotSupportedException("not used by archiving");

    private void Enter(IReadOnlyList<string> metrics)
    {
        Calls++;
        RequestedMetrics = metrics;
        if (Failure is { } failure)
        {
            throw failure;
        }
    }

    private static MetricStatistics Statistics(float[] samples)
    {
        var finite = samples.Where(float.IsFinite).Select(s => (double)s).ToList();
        return new MetricStatistics { Avg = finite.Average(), Min = finite.Min(), Max = finite.Max() };
    }
}
