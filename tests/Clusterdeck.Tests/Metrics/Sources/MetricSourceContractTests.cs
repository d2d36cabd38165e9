using System.Text;
using Clusterdeck.Core.Archive;
using Clusterdeck.Core.Jobs;
using Clusterdeck.Core.Metrics;

namespace Clusterdeck.Tests.Metrics.Sources;

/// <summary>
/// What every <see cref="IMetricSource"/> must do, run against each source by a subclass with its fixture. The
/// tests read <see cref="SourceTestCluster.KnownValues"/> in the last <see cref="Window"/> seconds of the fixture's
/// data; writable sources are also checked for exact values and scope aggregation with data each test writes.
/// </summary>
public abstract class MetricSourceContractTests<TFixture>(TFixture fixture)
    where TFixture : MetricSourceFixture
{
    /// <summary>Seconds of the job window the read tests use.</summary>
    protected const int Window = 20;

    private const string WritableOnly = "this source cannot be written to, so exact values and finer scopes are not checked here";

    protected TFixture Fixture { get; } = fixture;

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LoadJobData_NodeScope_HasTheWindowAtNativeTimestepWithTheKnownValues()
    {
        Fixture.SkipIfUnavailable();
        var job = CompletedJob(["node01", "node02"]);

        var load = await Fixture.Source.LoadJobDataAsync(job, [SourceTestCluster.Load, SourceTestCluster.Memory], [MetricScopes.Node], 0, Cancel);

        Assert.Empty(load.Missing);
        foreach (var metric in new[] { SourceTestCluster.Load, SourceTestCluster.Memory })
        {
            var node = load.Data[metric][MetricScopes.Node];
            Assert.Equal(1, node.Timestep);
            Assert.Equal(["node01", "node02"], node.Series.Select(s => s.Hostname));
            foreach (var series in node.Series)
            {
                AssertConstant(series.Data, SourceTestCluster.KnownValues[metric][series.Hostname], Window);
                Assert.Null(series.Id);
            }
        }

        Assert.Equal("B", load.Data[SourceTestCluster.Memory][MetricScopes.Node].Unit.Base);
        Assert.Equal("M", load.Data[SourceTestCluster.Memory][MetricScopes.Node].Unit.Prefix);
    }

    [Fact]
    public async Task LoadJobData_SeriesStatistics_AgreeWithTheData()
    {
        Fixture.SkipIfUnavailable();
        var job = CompletedJob(["node01", "node02"]);

        var load = await Fixture.Source.LoadJobDataAsync(job, [SourceTestCluster.Load], [MetricScopes.Node], 0, Cancel);

        foreach (var series in load.Data[SourceTestCluster.Load][MetricScopes.Node].Series)
        {
            var values = series.Data.Where(v => !float.IsNaN(v)).Select(v => (double)v).ToList();
            Assert.NotNull(series.Statistics);
            Assert.Equal(values.Min(), series.Statistics.Min, 3);
            Assert.Equal(values.Max(), series.Statistics.Max, 3);
            Assert.Equal(values.Average(), series.Statistics.Avg, 3);
        }
    }

    [Fact]
    public async Task LoadJobStatistics_PerHost_AreTheKnownValues()
    {
        Fixture.SkipIfUnavailable();
        var job = CompletedJob(["node01", "node02"]);

        var load = await Fixture.Source.LoadJobStatisticsAsync(job, [SourceTestCluster.Load, SourceTestCluster.Memory], Cancel);

        Assert.Empty(load.Missing);
        foreach (var (metric, byHost) in SourceTestCluster.KnownValues)
        {
            foreach (var (host, value) in byHost)
            {
                var statistics = load.Data[metric][host];
                Assert.Equal(value, statistics.Avg, 3);
                Assert.Equal(value, statistics.Min, 3);
                Assert.Equal(value, statistics.Max, 3);
            }
        }

        Assert.Equal("load", load.Data[SourceTestCluster.Load]["node01"].Unit.Base);
    }

    [Fact]
    public async Task LoadScopedJobStatistics_NodeScope_OneEntryPerHost()
    {
        Fixture.SkipIfUnavailable();
        var job = CompletedJob(["node01", "node02"]);

        var load = await Fixture.Source.LoadScopedJobStatisticsAsync(job, [SourceTestCluster.Load], [MetricScopes.Node], Cancel);

        var entries = load.Data[SourceTestCluster.Load][MetricScopes.Node];
        Assert.Equal(["node01", "node02"], entries.Select(e => e.Hostname).Order(StringComparer.Ordinal));
        Assert.All(entries, e => Assert.Equal(SourceTestCluster.KnownValues[SourceTestCluster.Load][e.Hostname], e.Data.Avg, 3));
    }

    [Fact]
    public async Task LoadJobData_CoarserResolution_ReducesThePoints()
    {
        Fixture.SkipIfUnavailable();

        // All the fixture's data: cc-metric-store's downsampling leaves fewer than 100 points alone.
        var seconds = (int)(Fixture.DataTo - Fixture.DataFrom);
        var job = CompletedJob(["node01"]) with { StartTime = Fixture.DataFrom, Duration = seconds };

        var load = await Fixture.Source.LoadJobDataAsync(job, [SourceTestCluster.Load], [MetricScopes.Node], 5, Cancel);

        var node = load.Data[SourceTestCluster.Load][MetricScopes.Node];
        Assert.Equal(5, node.Timestep);
        var data = node.Series.Single().Data;
        Assert.InRange(data.Length, (seconds / 5) - 1, (seconds / 5) + 1);
        Assert.All(data.Where(v => !float.IsNaN(v)), v => Assert.Equal(42.5f, v));
    }

    [Fact]
    public async Task LoadJobData_MissingHostAndMetric_AreNamedAndTheRestIsReturned()
    {
        Fixture.SkipIfUnavailable();
        var job = CompletedJob(["node01", "node04"]);

        var load = await Fixture.Source.LoadJobDataAsync(
            job, [SourceTestCluster.Load, SourceTestCluster.NoData, "no_such_metric"], [MetricScopes.Node], 0, Cancel);

        var series = Assert.Single(load.Data[SourceTestCluster.Load][MetricScopes.Node].Series);
        Assert.Equal("node01", series.Hostname);
        AssertConstant(series.Data, 42.5, Window);
        Assert.False(load.Data.TryGetValue(SourceTestCluster.NoData, out var none) && none.Values.Any(m => m.Series.Count > 0));
        Assert.Contains(load.Missing, m => m.Contains(SourceTestCluster.Load, StringComparison.Ordinal) && m.Contains("node04", StringComparison.Ordinal));
        Assert.Contains(load.Missing, m => m.Contains(SourceTestCluster.NoData, StringComparison.Ordinal) && m.Contains("node01", StringComparison.Ordinal));
        Assert.Contains(load.Missing, m => m.Contains("no_such_metric", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LoadJobData_RunningJob_WindowEndsNow()
    {
        Fixture.SkipIfUnavailable();
        var job = CompletedJob(["node01"]) with { State = JobStates.Running, StartTime = Fixture.DataTo - 10, Duration = 0 };
        if (Fixture.Writable)
        {
            // Keep node01's load going until now, as a collector would; Prometheus keeps scraping by itself.
            var lines = new StringBuilder();
            for (var time = Fixture.DataTo; time < DateTimeOffset.UtcNow.ToUnixTimeSeconds(); time++)
            {
                SourceTestCluster.AppendLine(lines, SourceTestCluster.Load, "node01", time, 42.5);
            }

            await Fixture.WriteAsync(lines.ToString());
        }

        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var load = await Fixture.Source.LoadJobDataAsync(job, [SourceTestCluster.Load], [MetricScopes.Node], 0, Cancel);
        var after = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        // Duration 0 would give no samples: the window runs to now (a store answers up to its newest sample, and
        // Prometheus scrapes once a second, hence the slack below).
        var data = load.Data[SourceTestCluster.Load][MetricScopes.Node].Series.Single().Data;
        Assert.InRange(data.Length, before - job.StartTime - 3, after - job.StartTime + 1);
        Assert.Equal(42.5f, data[0]);
    }

    [Fact]
    public async Task LoadNodeData_HostList_ReturnsEachHostsSeries()
    {
        Fixture.SkipIfUnavailable();
        var (from, to) = (Fixture.DataTo - Window, Fixture.DataTo);

        var load = await Fixture.Source.LoadNodeDataAsync(
            SourceTestCluster.Name, ["node01", "node02"], [SourceTestCluster.Load, SourceTestCluster.Memory], [MetricScopes.Node], from, to, 0, Cancel);

        Assert.Empty(load.Missing);
        foreach (var (metric, byHost) in SourceTestCluster.KnownValues)
        {
            foreach (var (host, value) in byHost)
            {
                var series = Assert.Single(load.Data[host][metric][MetricScopes.Node].Series);
                Assert.Equal(host, series.Hostname);
                AssertConstant(series.Data, value, Window);
            }
        }
    }

    [Fact]
    public async Task LoadJobData_WrittenSeries_ComesBackExactly()
    {
        SkipUnlessWritable();
        var from = Fixture.DataTo - 40;
        var lines = new StringBuilder();
        for (var i = 0; i < 30; i++)
        {
            SourceTestCluster.AppendLine(lines, SourceTestCluster.Ramp, "node01", from + i, i * 0.5);
        }

        await Fixture.WriteAsync(lines.ToString());
        var job = CompletedJob(["node01"]) with { StartTime = from, Duration = 30 };

        var load = await Fixture.Source.LoadJobDataAsync(job, [SourceTestCluster.Ramp], [MetricScopes.Node], 0, Cancel);

        var series = load.Data[SourceTestCluster.Ramp][MetricScopes.Node].Series.Single();
        Assert.Equal(Enumerable.Range(0, 30).Select(i => i * 0.5f), series.Data);
        Assert.Equal(new SeriesStatistics { Min = 0, Avg = 7.25, Max = 14.5 }, series.Statistics);
    }

    [Fact]
    public async Task LoadJobData_HwThreadMetric_AggregatesToCoreSocketAndNode()
    {
        SkipUnlessWritable();
        var from = await WriteConstantAsync(SourceTestCluster.Flops, "node01", MetricScopes.HwThread, Enumerable.Range(0, 8).Select(t => ((string?)t.ToString(), t + 1.0)));
        var job = CompletedJob(["node01"]) with { StartTime = from, Duration = 10 };

        var load = await Fixture.Source.LoadJobDataAsync(
            job, [SourceTestCluster.Flops], [MetricScopes.Node, MetricScopes.Socket, MetricScopes.Core, MetricScopes.HwThread], 0, Cancel);

        Assert.Empty(load.Missing);
        var byScope = load.Data[SourceTestCluster.Flops];
        AssertSeries(byScope[MetricScopes.HwThread], Enumerable.Range(0, 8).Select(t => ((string?)t.ToString(), t + 1.0)));
        AssertSeries(byScope[MetricScopes.Core], [("0", 1 + 5), ("1", 2 + 6), ("2", 3 + 7), ("3", 4 + 8)]);
        AssertSeries(byScope[MetricScopes.Socket], [("0", 1 + 2 + 5 + 6), ("1", 3 + 4 + 7 + 8)]);
        AssertSeries(byScope[MetricScopes.Node], [(null, 36)]);

        // A job with two cores of socket 0 (threads 0, 1, 4, 5): node scope sums its threads only.
        var partial = job with { Resources = [new JobResource { Hostname = "node01", HwThreads = [0, 1, 4, 5] }] };
        var partialLoad = await Fixture.Source.LoadJobDataAsync(partial, [SourceTestCluster.Flops], [MetricScopes.Node, MetricScopes.Core], 0, Cancel);
        AssertSeries(partialLoad.Data[SourceTestCluster.Flops][MetricScopes.Node], [(null, 1 + 2 + 5 + 6)]);
        AssertSeries(partialLoad.Data[SourceTestCluster.Flops][MetricScopes.Core], [("0", 6), ("1", 8)]);
    }

    [Fact]
    public async Task LoadJobData_CoreMetric_AveragesToSocketMemoryDomainAndNode_AndNeverFinerThanCore()
    {
        SkipUnlessWritable();
        var from = await WriteConstantAsync(SourceTestCluster.CoreClock, "node02", MetricScopes.Core, Enumerable.Range(0, 4).Select(c => ((string?)c.ToString(), c * 10.0)));
        var job = CompletedJob(["node02"]) with { StartTime = from, Duration = 10 };

        var load = await Fixture.Source.LoadJobDataAsync(
            job, [SourceTestCluster.CoreClock], [MetricScopes.Node, MetricScopes.Socket, MetricScopes.MemoryDomain, MetricScopes.HwThread], 0, Cancel);

        Assert.Empty(load.Missing);
        var byScope = load.Data[SourceTestCluster.CoreClock];
        AssertSeries(byScope[MetricScopes.Socket], [("0", 5), ("1", 25)]);
        AssertSeries(byScope[MetricScopes.MemoryDomain], [("0", 5), ("1", 25)]);
        AssertSeries(byScope[MetricScopes.Node], [(null, 15)]);

        // hwthread is finer than the metric is measured: it is shown at its native core scope instead.
        Assert.False(byScope.ContainsKey(MetricScopes.HwThread));
        AssertSeries(byScope[MetricScopes.Core], Enumerable.Range(0, 4).Select(c => ((string?)c.ToString(), c * 10.0)));
    }

    [Fact]
    public async Task LoadJobData_AcceleratorMetric_PerDeviceAndSummedToNode()
    {
        SkipUnlessWritable();
        var from = await WriteConstantAsync(SourceTestCluster.GpuPower, "node03", MetricScopes.Accelerator, [("gpu0", 100), ("gpu1", 50)]);
        var job = CompletedJob(["node03"]) with
        {
            StartTime = from,
            Duration = 10,
            NumAcc = 2,
            Resources = [new JobResource { Hostname = "node03", Accelerators = SourceTestCluster.Gpus }],
        };

        var load = await Fixture.Source.LoadJobDataAsync(job, [SourceTestCluster.GpuPower], [MetricScopes.Node, MetricScopes.Accelerator], 0, Cancel);

        Assert.Empty(load.Missing);
        AssertSeries(load.Data[SourceTestCluster.GpuPower][MetricScopes.Accelerator], [("gpu0", 100), ("gpu1", 50)]);
        AssertSeries(load.Data[SourceTestCluster.GpuPower][MetricScopes.Node], [(null, 150)]);

        var oneGpu = job with { NumAcc = 1, Resources = [new JobResource { Hostname = "node03", Accelerators = ["gpu1"] }] };
        var oneLoad = await Fixture.Source.LoadJobDataAsync(oneGpu, [SourceTestCluster.GpuPower], [MetricScopes.Node], 0, Cancel);
        AssertSeries(oneLoad.Data[SourceTestCluster.GpuPower][MetricScopes.Node], [(null, 50)]);

        // A job without accelerators has no data for accelerator metrics, and that is not a gap.
        var noGpu = job with { NumAcc = 0, Resources = [new JobResource { Hostname = "node03" }] };
        var noLoad = await Fixture.Source.LoadJobDataAsync(noGpu, [SourceTestCluster.GpuPower], [MetricScopes.Node], 0, Cancel);
        Assert.Empty(noLoad.Data);
        Assert.Empty(noLoad.Missing);
    }

    [Fact]
    public async Task LoadNodeData_FinerScopes_CoverTheWholeNode()
    {
        SkipUnlessWritable();
        var from = await WriteConstantAsync(SourceTestCluster.Flops, "node04", MetricScopes.HwThread, Enumerable.Range(0, 8).Select(t => ((string?)t.ToString(), 2.0)));

        var load = await Fixture.Source.LoadNodeDataAsync(
            SourceTestCluster.Name, ["node04"], [SourceTestCluster.Flops], [MetricScopes.Node, MetricScopes.Socket], from, from + 10, 0, Cancel);

        AssertSeries(load.Data["node04"][SourceTestCluster.Flops][MetricScopes.Node], [(null, 16)]);
        AssertSeries(load.Data["node04"][SourceTestCluster.Flops][MetricScopes.Socket], [("0", 8), ("1", 8)]);
    }

    /// <summary>A completed job over the last <see cref="Window"/> seconds of the fixture's data.</summary>
    protected Job CompletedJob(IReadOnlyList<string> hosts) => new()
    {
        JobId = Random.Shared.NextInt64(1, long.MaxValue),
        User = "tester",
        Project = "sources",
        Cluster = SourceTestCluster.Name,
        SubCluster = SourceTestCluster.SubCluster,
        NumNodes = hosts.Count,
        State = JobStates.Completed,
        StartTime = Fixture.DataTo - Window,
        Duration = Window,
        Resources = [.. hosts.Select(h => new JobResource { Hostname = h })],
    };

    /// <summary>
    /// About <paramref name="window"/> samples (a store may count the edges either way), each the value or missing,
    /// and at most the two edge samples missing.
    /// </summary>
    protected static void AssertConstant(float[] data, double value, int window)
    {
        Assert.InRange(data.Length, window - 1, window + 1);
        Assert.All(data.Where(v => !float.IsNaN(v)), v => Assert.Equal((float)value, v));
        Assert.True(data.Count(float.IsNaN) <= 2, $"{data.Count(float.IsNaN)} of {data.Length} samples are missing");
    }

    private void SkipUnlessWritable()
    {
        Fixture.SkipIfUnavailable();
        if (!Fixture.Writable)
        {
            Assert.Skip(WritableOnly);
        }
    }

    /// <summary>Writes a constant per scope id for ten seconds before the known data ends; returns the first second.</summary>
    private async Task<long> WriteConstantAsync(string metric, string host, string type, IEnumerable<(string? Id, double Value)> values)
    {
        var from = Fixture.DataTo - 30;
        var lines = new StringBuilder();
        foreach (var (id, value) in values)
        {
            for (var time = from; time < from + 10; time++)
            {
                SourceTestCluster.AppendLine(lines, metric, host, time, value, type, id);
            }
        }

        await Fixture.WriteAsync(lines.ToString());
        return from;
    }

    private static void AssertSeries(JobMetric metric, IEnumerable<(string? Id, double Value)> expected)
    {
        var wanted = expected.ToList();
        Assert.Equal(wanted.Select(e => e.Id), metric.Series.Select(s => s.Id));
        foreach (var ((_, value), series) in wanted.Zip(metric.Series))
        {
            Assert.All(series.Data, v => Assert.Equal((float)value, v));
            Assert.Equal(value, series.Statistics!.Avg, 3);
        }
    }
}
