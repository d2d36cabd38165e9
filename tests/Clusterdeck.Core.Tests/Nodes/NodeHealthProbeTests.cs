using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Clusterdeck.Core.Tests.Nodes;

/// <summary>
/// The health rule: a metric with a value in its last 5 timesteps is healthy, with one only within 60 timesteps degraded,
/// else missing; all healthy is full, none failed, else partial. Cluster "c": load and mem every 60 s, ib every 10 s.
/// </summary>
public sealed class NodeHealthProbeTests : IDisposable
{
    private const long Now = 1_700_000_000;

    private readonly string _archive = Directory.CreateTempSubdirectory("clusterdeck-health-").FullName;
    private readonly ScriptedMetricSource _source = new();
    private readonly NodeHealthProbe _probe;
    private readonly NodeHealthProbe _probeWithoutSource;

    public NodeHealthProbeTests()
    {
        Directory.CreateDirectory(Path.Combine(_archive, "c"));
        File.WriteAllText(Path.Combine(_archive, "c", "cluster.json"), """
            {
              "name": "c",
              "metricConfig": [
                { "name": "load", "unit": { "base": "" }, "scope": "node", "aggregation": "avg", "timestep": 60, "peak": 8, "normal": 4, "caution": 1, "alert": 0 },
                { "name": "mem", "unit": { "base": "B" }, "scope": "node", "aggregation": "sum", "timestep": 60, "peak": 8, "normal": 4, "caution": 1, "alert": 0 },
                { "name": "ib", "unit": { "base": "B/s" }, "scope": "node", "aggregation": "sum", "timestep": 10, "peak": 8, "normal": 4, "caution": 1, "alert": 0 }
              ],
              "subClusters": [
                { "name": "main", "nodes": "n[01-04]", "processorType": "cpu", "socketsPerNode": 1, "coresPerSocket": 1, "threadsPerCore": 1,
                  "flopRateScalar": { "unit": { "base": "F/s" }, "value": 1 }, "flopRateSimd": { "unit": { "base": "F/s" }, "value": 1 },
                  "memoryBandwidth": { "unit": { "base": "B/s" }, "value": 1 }, "topology": { "node": [0], "core": [[0]], "socket": [[0]] } }
              ]
            }
            """);
        var catalog = ClusterCatalog.Load(_archive);
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(Now));
        var options = Options.Create(new NodeOptions());
        _probe = new NodeHealthProbe(catalog, options, time, NullLogger<NodeHealthProbe>.Instance, _source);
        _probeWithoutSource = new NodeHealthProbe(catalog, options, time, NullLogger<NodeHealthProbe>.Instance);
    }

    public void Dispose() => Directory.Delete(_archive, recursive: true);

    private static Task<IReadOnlyDictionary<string, NodeHealth>> CheckAsync(NodeHealthProbe probe, params string[] hosts) =>
        probe.CheckAsync("c", [.. hosts.Select(h => (h, "main"))], TestContext.Current.CancellationToken);

    [Fact]
    public async Task Check_EveryMetricWithinItsLastFiveTimesteps_IsFull()
    {
        _source.Add("n01", "load", Now - 290); // 5 × 60 s
        _source.Add("n01", "mem", Now - 30);
        _source.Add("n01", "ib", Now - 50); // 5 × 10 s

        var health = (await CheckAsync(_probe, "n01"))["n01"];

        Assert.Equal(MonitoringStates.Full, health.State);
        Assert.Empty(health.Missing);
        Assert.Empty(health.Degraded);
        Assert.Equal("""{"degraded":[],"missing":[]}""", NodeHealthProbe.HealthMetricsJson(health));
    }

    [Fact]
    public async Task Check_OneMetricStoppedArriving_IsPartialWithThatMetricDegraded()
    {
        _source.Add("n02", "load", Now - 60);
        _source.Add("n02", "mem", Now - 60);
        _source.Add("n02", "ib", Now - 70); // older than 5 × 10 s, within 60 × 10 s

        var health = (await CheckAsync(_probe, "n02"))["n02"];

        Assert.Equal(MonitoringStates.Partial, health.State);
        Assert.Equal(["ib"], health.Degraded);
        Assert.Empty(health.Missing);
        Assert.Equal("""{"degraded":["ib"],"missing":[]}""", NodeHealthProbe.HealthMetricsJson(health));
    }

    [Fact]
    public async Task Check_NoRecentValueAtAll_IsFailedTellingStoppedFromNeverSeen()
    {
        _source.Add("n03", "load", Now - 600); // stopped 10 minutes ago: degraded
        _source.Add("n03", "mem", Now - 7200); // beyond 60 × 60 s: missing
        // ib was never written: missing

        var health = (await CheckAsync(_probe, "n03"))["n03"];

        Assert.Equal(MonitoringStates.Failed, health.State);
        Assert.Equal(["load"], health.Degraded);
        Assert.Equal(["mem", "ib"], health.Missing.Order(StringComparer.Ordinal).Reverse());
    }

    [Fact]
    public async Task Check_SeveralHosts_LooksFurtherBackOnlyForWhatIsNotRecent()
    {
        foreach (var metric in (string[])["load", "mem", "ib"])
        {
            _source.Add("n01", metric, Now - 5);
        }

        _source.Add("n02", "load", Now - 5);
        _source.Add("n02", "mem", Now - 5);

        var health = await CheckAsync(_probe, "n01", "n02");

        Assert.Equal(MonitoringStates.Full, health["n01"].State);
        Assert.Equal(MonitoringStates.Partial, health["n02"].State);
        Assert.Equal(["ib"], health["n02"].Missing);
        // One recent window per timestep (60 s and 10 s), then one look-back only for n02's ib.
        Assert.Equal(3, _source.NodeDataCalls.Count);
        var lookBack = _source.NodeDataCalls[^1];
        Assert.Equal(["n02"], lookBack.Hosts);
        Assert.Equal(["ib"], lookBack.Metrics);
        Assert.Equal((Now - 600, Now), (lookBack.From, lookBack.To));
        Assert.Contains(_source.NodeDataCalls, call => call.From == Now - 300 && call.Metrics.SequenceEqual(["load", "mem"]));
        Assert.Contains(_source.NodeDataCalls, call => call.From == Now - 50 && call.Metrics.SequenceEqual(["ib"]));
    }

    [Fact]
    public async Task Check_SourceFails_EveryNodeFailedWithAllMetricsMissingAndNoException()
    {
        _source.Failure = new HttpRequestException("connection refused");

        var health = (await CheckAsync(_probe, "n01"))["n01"];

        Assert.Equal(MonitoringStates.Failed, health.State);
        Assert.Equal(["load", "mem", "ib"], health.Missing);
    }

    [Fact]
    public async Task Check_NoSourceConfigured_NodesAreFailed()
    {
        var health = (await CheckAsync(_probeWithoutSource, "n04"))["n04"];

        Assert.Equal(MonitoringStates.Failed, health.State);
    }

    [Theory]
    [InlineData(new[] { "IDLE" }, SchedulerStates.Idle)]
    [InlineData(new[] { "idle", "DOWN" }, SchedulerStates.Down)]
    [InlineData(new[] { "down", "mixed" }, SchedulerStates.Down)]
    [InlineData(new[] { "mixed", "drain" }, SchedulerStates.Mixed)]
    [InlineData(new[] { "reserved", "allocated" }, SchedulerStates.Allocated)]
    [InlineData(new[] { "completing" }, SchedulerStates.Unknown)]
    public void Resolve_ReportedWords_FollowCcBackendPriority(string[] words, string expected) =>
        Assert.Equal(expected, SchedulerStates.Resolve(words));
}
