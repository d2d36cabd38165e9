using System.Text.Json;
using Clusterdeck.Core.Jobs;
using Clusterdeck.Core.Metrics;
using Clusterdeck.Core.Metrics.Archiving;
using static Clusterdeck.Core.Tests.Metrics.Archiving.ArchivingTestCluster;

namespace Clusterdeck.Core.Tests.Metrics.Archiving;

public sealed class JobArchiverTests : IDisposable
{
    private readonly ArchivingTestCluster _cluster = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _cluster.Dispose();

    /// <summary>cpu_load, mem_used and cpu_power on n01 and n02; flops_any is not measured.</summary>
    private void AddTwoNodeData()
    {
        _cluster.Source
            .Add("cpu_load", "n01", Load, 1, 2, 3)
            .Add("cpu_load", "n02", Load, 2, float.NaN, 4)
            .Add("mem_used", "n01", Gigabytes, 10.5f, 11.25f)
            .Add("mem_used", "n02", Gigabytes, 20, 22)
            .Add("cpu_power", "n01", Watts, 200, 300)
            .Add("cpu_power", "n02", Watts, 100, 100);
    }

    [Fact]
    public async Task ArchiveAndRecord_TwoNodes_StatisticsFootprintAndEnergyAsComputedByHand()
    {
        AddTwoNodeData();
        var job = StoppedJob();
        var id = _cluster.Store.Add(job);

        var outcome = await _cluster.Archiver().ArchiveAndRecordAsync(_cluster.Store.Get(id), mayRetry: true, Token);

        Assert.Equal(ArchiveAttemptOutcome.Archived, outcome);
        // cpu_load: node averages 2 and 3 (the missing sample is skipped) -> (2 + 3) / 2 nodes = 2.5; min 1, max 4.
        // mem_used: node averages 10.875 -> 10.88 (rounded per series first, as cc-backend) and 21 -> 31.88 / 2 = 15.94.
        // cpu_power: 250 and 100 W -> 175 W; energy 175 W x 2 nodes x 1 h = 0.35 kWh.
        var expected = new Dictionary<string, MetricStatistics>
        {
            ["cpu_load"] = new() { Unit = Load, Avg = 2.5, Min = 1, Max = 4 },
            ["mem_used"] = new() { Unit = Gigabytes, Avg = 15.94, Min = 10.5, Max = 22 },
            ["cpu_power"] = new() { Unit = Watts, Avg = 175, Min = 100, Max = 300 },
        };
        var meta = (await _cluster.Archive.ReadMetaAsync(Name, job.JobId, job.StartTime, Token))!;
        Assert.Equal(expected, meta.Statistics!.ToDictionary());
        Assert.Equal(MonitoringStatus.ArchivingSuccessful, meta.MonitoringStatus);
        Assert.Equal(new Dictionary<string, double> { ["cpu_load_avg"] = 2.5, ["mem_used_max"] = 22 }, meta.Footprint);
        Assert.Equal(new Dictionary<string, double> { ["cpu_power"] = 0.35 }, meta.EnergyFootprint);
        Assert.Equal(0.35, meta.Energy);
        Assert.Null(meta.Id);

        var stored = _cluster.Store.Get(id);
        Assert.Equal(MonitoringStatus.ArchivingSuccessful, stored.MonitoringStatus);
        Assert.Equal(meta.Footprint, stored.Footprint);
        Assert.Equal((0.35, 0.35), (stored.Energy, stored.EnergyFootprint!["cpu_power"]));
        Assert.Equal(["node", "core"], _cluster.Source.RequestedScopes);
        Assert.Equal(["cpu_load", "mem_used", "cpu_power", "flops_any"], _cluster.Source.RequestedMetrics);
    }

    [Fact]
    public async Task ArchiveAsync_DataFile_SamplesWithTwoDecimalsNullForMissingAndRoundedSeriesStatistics()
    {
        AddTwoNodeData();
        var job = StoppedJob();

        await _cluster.Archiver().ArchiveAsync(job with { Id = _cluster.Store.Add(job) }, Token);

        var json = await File.ReadAllTextAsync(Path.Combine(_cluster.JobDirectory(job), "data.json"), Token);
        Assert.Contains("""{"hostname":"n01","statistics":{"min":1,"avg":2,"max":3},"data":[1.00,2.00,3.00]}""", json, StringComparison.Ordinal);
        Assert.Contains("""{"hostname":"n02","statistics":{"min":2,"avg":3,"max":4},"data":[2.00,null,4.00]}""", json, StringComparison.Ordinal);
        Assert.Contains("""{"hostname":"n01","statistics":{"min":10.5,"avg":10.88,"max":11.25},"data":[10.50,11.25]}""", json, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_cluster.JobDirectory(job), "data.json.gz")));
        var meta = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_cluster.JobDirectory(job), "meta.json"), Token)).RootElement;
        Assert.False(meta.TryGetProperty("id", out _));
        Assert.Equal(3, meta.GetProperty("monitoringStatus").GetInt32());
    }

    [Theory]
    [InlineData(1, 0, new[] { "node", "core" })]
    [InlineData(8, 0, new[] { "node", "core" })]
    [InlineData(9, 0, new[] { "node" })]
    [InlineData(2, 4, new[] { "node", "core", "accelerator" })]
    [InlineData(64, 256, new[] { "node", "accelerator" })]
    public void ScopesFor_NodesAndAccelerators_AsCcBackend(int numNodes, int numAcc, string[] expected) =>
        Assert.Equal(expected, JobArchiver.ScopesFor(new Job { NumNodes = numNodes, NumAcc = numAcc }));

    [Fact]
    public async Task ArchiveAndRecord_MissingMetricAndHost_ArchivesWhatExists()
    {
        // n03 has no cpu_load at all and only missing mem_used samples; flops_any is measured nowhere.
        AddTwoNodeData();
        _cluster.Source.Add("mem_used", "n03", Gigabytes, float.NaN, float.NaN);
        var job = StoppedJob(hosts: ["n01", "n02", "n03"]);
        var id = _cluster.Store.Add(job);

        var result = await _cluster.Archiver().ArchiveAsync(_cluster.Store.Get(id), Token);
        var outcome = await _cluster.Archiver().ArchiveAndRecordAsync(_cluster.Store.Get(id), mayRetry: false, Token);

        Assert.Equal(ArchiveAttemptOutcome.Archived, outcome);
        Assert.Equal(MonitoringStatus.ArchivingSuccessful, _cluster.Store.Get(id).MonitoringStatus);
        // The sum over the nodes that delivered, divided by all 3 nodes (cc-backend's rule): (2 + 3) / 3 = 1.67.
        Assert.Equal(new MetricStatistics { Unit = Load, Avg = 1.67, Min = 1, Max = 4 }, result.Job.Statistics!["cpu_load"]);
        Assert.Equal(10.63, result.Job.Statistics["mem_used"].Avg); // (10.88 + 21) / 3
        Assert.False(result.Job.Statistics.ContainsKey("flops_any"));
        Assert.Equal(0, result.Job.Footprint!.Count(f => f.Key == "flops_any_avg"));
        Assert.Contains("flops_any: not measured", result.Missing);
        Assert.Contains("cpu_load: no data for host n03", result.Missing);
        Assert.Contains("mem_used/node: no samples for n03", result.Missing);
        Assert.Equal(["n01", "n02"], result.Data["mem_used"][MetricScopes.Node].Series.Select(s => s.Hostname));
        Assert.NotNull(await _cluster.Archive.ReadDataAsync(Name, job.JobId, job.StartTime, Token));
    }

    [Fact]
    public async Task ArchiveAndRecord_SourceDownOnLastAttempt_Status2WithTheReasonInMetadata()
    {
        _cluster.Source.Failure = new HttpRequestException("Connection refused (127.0.0.1:9)");
        var job = StoppedJob();
        var id = _cluster.Store.Add(job);

        var outcome = await _cluster.Archiver().ArchiveAndRecordAsync(_cluster.Store.Get(id), mayRetry: false, Token);

        Assert.Equal(ArchiveAttemptOutcome.Failed, outcome);
        var stored = _cluster.Store.Get(id);
        Assert.Equal(MonitoringStatus.ArchivingFailed, stored.MonitoringStatus);
        Assert.Equal("loading metric data failed: Connection refused (127.0.0.1:9)", stored.MetaData![JobArchiver.FailureMetadataKey]);
        Assert.Equal("sim", stored.MetaData["jobName"]);
        Assert.False(Directory.Exists(_cluster.JobDirectory(job)));
    }

    [Fact]
    public async Task ArchiveAndRecord_SourceDownWithRetriesLeft_JobStaysQueuedUntouched()
    {
        _cluster.Source.Failure = new HttpRequestException("Connection refused");
        var id = _cluster.Store.Add(StoppedJob());

        var outcome = await _cluster.Archiver().ArchiveAndRecordAsync(_cluster.Store.Get(id), mayRetry: true, Token);

        Assert.Equal(ArchiveAttemptOutcome.RetryLater, outcome);
        var stored = _cluster.Store.Get(id);
        Assert.Equal(MonitoringStatus.RunningOrArchiving, stored.MonitoringStatus);
        Assert.False(stored.MetaData!.ContainsKey(JobArchiver.FailureMetadataKey));
    }

    [Fact]
    public async Task ArchiveAndRecord_FailureThatCannotPass_FailsAtOnceEvenWithRetriesLeft()
    {
        _cluster.Source.Failure = new InvalidDataException("the source answered with a malformed body");
        var id = _cluster.Store.Add(StoppedJob());

        var outcome = await _cluster.Archiver().ArchiveAndRecordAsync(_cluster.Store.Get(id), mayRetry: true, Token);

        Assert.Equal(ArchiveAttemptOutcome.Failed, outcome);
        Assert.Equal(MonitoringStatus.ArchivingFailed, _cluster.Store.Get(id).MonitoringStatus);
        Assert.Equal("loading metric data failed: the source answered with a malformed body", _cluster.Store.Get(id).MetaData![JobArchiver.FailureMetadataKey]);
    }

    [Fact]
    public async Task ArchiveAndRecord_UnknownSubcluster_FailsWithoutAskingTheSource()
    {
        var id = _cluster.Store.Add(StoppedJob() with { SubCluster = "gone" });

        var outcome = await _cluster.Archiver().ArchiveAndRecordAsync(_cluster.Store.Get(id), mayRetry: true, Token);

        Assert.Equal(ArchiveAttemptOutcome.Failed, outcome);
        Assert.Equal(0, _cluster.Source.Calls);
        Assert.Equal(
            "finding the cluster configuration failed: subcluster 'gone' of cluster 'testcluster' is not configured",
            _cluster.Store.Get(id).MetaData![JobArchiver.FailureMetadataKey]);
    }

    [Fact]
    public async Task ArchiveAndRecord_DiskError_Status2NamingTheWrite()
    {
        AddTwoNodeData();
        var job = StoppedJob();
        var id = _cluster.Store.Add(job);
        // A file where the job's directory tree must go: creating the directory fails as a full or broken disk would.
        File.WriteAllText(Path.GetDirectoryName(Path.GetDirectoryName(_cluster.JobDirectory(job)))!, "in the way");

        var outcome = await _cluster.Archiver().ArchiveAndRecordAsync(_cluster.Store.Get(id), mayRetry: false, Token);

        Assert.Equal(ArchiveAttemptOutcome.Failed, outcome);
        Assert.Equal(MonitoringStatus.ArchivingFailed, _cluster.Store.Get(id).MonitoringStatus);
        Assert.StartsWith("writing the archive failed: ", _cluster.Store.Get(id).MetaData![JobArchiver.FailureMetadataKey], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArchiveAndRecord_DatabaseDownAfterWriting_RetriedLaterAndFilesRewritten()
    {
        AddTwoNodeData();
        var job = StoppedJob();
        var id = _cluster.Store.Add(job);
        _cluster.Store.WriteFailure = new TimeoutException("database timeout");

        Assert.Equal(ArchiveAttemptOutcome.RetryLater, await _cluster.Archiver().ArchiveAndRecordAsync(_cluster.Store.Get(id), mayRetry: true, Token));
        Assert.Equal(MonitoringStatus.RunningOrArchiving, _cluster.Store.Get(id).MonitoringStatus);

        _cluster.Store.WriteFailure = null;
        Assert.Equal(ArchiveAttemptOutcome.Archived, await _cluster.Archiver().ArchiveAndRecordAsync(_cluster.Store.Get(id), mayRetry: true, Token));
        Assert.Equal(MonitoringStatus.ArchivingSuccessful, _cluster.Store.Get(id).MonitoringStatus);
    }

    [Fact]
    public async Task ArchiveAndRecord_Cancelled_ThrowsAndLeavesTheJobQueued()
    {
        AddTwoNodeData();
        var id = _cluster.Store.Add(StoppedJob());
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _cluster.Archiver().ArchiveAndRecordAsync(_cluster.Store.Get(id), mayRetry: false, cancelled.Token));
        Assert.Equal(MonitoringStatus.RunningOrArchiving, _cluster.Store.Get(id).MonitoringStatus);
    }
}
