using Clusterdeck.Core.Archive;
using Clusterdeck.Core.Jobs;
using Clusterdeck.Core.Metrics;

namespace Clusterdeck.Core.Tests.Nodes;

/// <summary>
/// A metric source for unit tests of the health rule only (the real sources are tested in Clusterdeck.Tests): it knows
/// when each (host, metric) received samples and answers a window as the stores do — a series with a value per sample
/// in the window and NaN elsewhere, nothing for a series never written.
/// </summary>
internal sealed class ScriptedMetricSource : IMetricSource
{
    private readonly Dictionary<(string Host, string Metric), List<long>> _samples = [];

    public List<(IReadOnlyList<string> Hosts, IReadOnlyList<string> Metrics, long From, long To)> NodeDataCalls { get; } = [];

    public Exception? Failure { get; set; }

    public void Add(string host, string metric, params long[] times)
    {
        if (!_samples.TryGetValue((host, metric), out var list))
        {
            _samples[(host, metric)] = list = [];
        }

        list.AddRange(times);
    }

    public Task<MetricLoad<NodeData>> LoadNodeDataAsync(
        string cluster, IReadOnlyList<string> hosts, IReadOnlyList<string> metrics, IReadOnlyList<string> scopes,
        long fromTime, long toTime, int resolution, CancellationToken cancellationToken)
    {
        NodeDataCalls.Add((hosts, metrics, fromTime, toTime));
        if (Failure is not null)
        {
            throw Failure;
        }

        var data = new NodeData();
        foreach (var host in hosts)
        {
            var jobData = new JobData();
            foreach (var metric in metrics)
            {
                if (!_samples.TryGetValue((host, metric), out var times))
                {
                    continue;
                }

                var values = times.Where(t => t >= fromTime && t <= toTime).Select(_ => 1f).DefaultIfEmpty(float.NaN).ToArray();
                jobData[metric] = new() { [MetricScopes.Node] = new JobMetric { Timestep = 60, Series = [new MetricSeries { Hostname = host, Data = values }] } };
            }

            data[host] = jobData;
        }

        return Task.FromResult(new MetricLoad<NodeData>(data, []));
    }

    public Task<MetricLoad<JobData>> LoadJobDataAsync(Job job, IReadOnlyList<string> metrics, IReadOnlyList<string> scopes, int resolution, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<MetricLoad<JobStatistics>> LoadJobStatisticsAsync(Job job, IReadOnlyList<string> metrics, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<MetricLoad<ScopedJobStatistics>> LoadScopedJobStatisticsAsync(Job job, IReadOnlyList<string> metrics, IReadOnlyList<string> scopes, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}
