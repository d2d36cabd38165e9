using System.Diagnostics;
using Clusterdeck.Core.Jobs;
using Clusterdeck.Core.Metrics.Archiving;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static Clusterdeck.Core.Tests.Metrics.Archiving.ArchivingTestCluster;

namespace Clusterdeck.Core.Tests.Metrics.Archiving;

public sealed class JobArchivingServiceTests : IDisposable
{
    private readonly ArchivingTestCluster _cluster = new();
    private readonly ArchiveQueueSignal _signal = new();

    public JobArchivingServiceTests()
    {
        _cluster.Source.Add("cpu_load", "n01", Load, 1, 2).Add("cpu_load", "n02", Load, 3, 4);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _cluster.Dispose();

    private JobArchivingService Service(bool enabled = true, int retries = 5) => new(
        _cluster.Store,
        _cluster.Archiver(),
        _signal,
        Options.Create(new ArchivingOptions { Enabled = enabled, Workers = 2, Retries = retries, RetryDelay = "10s" }),
        _cluster.Clock,
        NullLogger<JobArchivingService>.Instance);

    private static async Task EventuallyAsync(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"timed out waiting until {what}");
            await Task.Delay(10, Token);
        }
    }

    [Fact]
    public async Task Start_QueuedJobs_AllArchived_RunningAndDisabledLeftAlone()
    {
        long[] stopped = [.. Enumerable.Range(0, 5).Select(i => _cluster.Store.Add(StoppedJob(jobId: 100 + i)))];
        var running = _cluster.Store.Add(StoppedJob(jobId: 200) with { State = JobStates.Running });
        var disabled = _cluster.Store.Add(StoppedJob(jobId: 300) with { MonitoringStatus = MonitoringStatus.Disabled });
        using var service = Service();

        await service.StartAsync(Token);
        await EventuallyAsync(() => stopped.All(id => _cluster.Store.Get(id).MonitoringStatus == MonitoringStatus.ArchivingSuccessful), "every stopped job is archived");
        await service.StopAsync(Token);

        Assert.Equal(MonitoringStatus.RunningOrArchiving, _cluster.Store.Get(running).MonitoringStatus);
        Assert.Equal(MonitoringStatus.Disabled, _cluster.Store.Get(disabled).MonitoringStatus);
        Assert.False(Directory.Exists(_cluster.JobDirectory(_cluster.Store.Get(disabled))));
    }

    [Fact]
    public async Task Poke_JobStoppedWhileIdle_ArchivedWithoutWaitingForThePoll()
    {
        using var service = Service();
        await service.StartAsync(Token);
        await EventuallyAsync(() => _cluster.Store.QueueReads >= 1, "the queue was read once");

        var id = _cluster.Store.Add(StoppedJob());
        _signal.Poke();

        // The fake clock never moves, so only the poke can have woken the service.
        await EventuallyAsync(() => _cluster.Store.Get(id).MonitoringStatus == MonitoringStatus.ArchivingSuccessful, "the poked job is archived");
        await service.StopAsync(Token);
    }

    /// <summary>
    /// Moves the fake clock on in small steps until <paramref name="condition"/> holds and returns how far it moved. Steps, not
    /// one jump, because the service takes its next deadline from the clock at a moment the test cannot see.
    /// </summary>
    private async Task<TimeSpan> AdvanceUntilAsync(Func<bool> condition, string what)
    {
        var step = TimeSpan.FromSeconds(1);
        var advanced = TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"timed out waiting until {what}");
            await Task.Delay(20, Token);
            if (!condition())
            {
                _cluster.Clock.Advance(step);
                advanced += step;
            }
        }

        return advanced;
    }

    [Fact]
    public async Task TransientFailure_RetriedAfterTheDelay_NotBefore_AndWithoutBusyLooping()
    {
        _cluster.Source.Failure = new HttpRequestException("Connection refused");
        var id = _cluster.Store.Add(StoppedJob());
        using var service = Service();

        await service.StartAsync(Token);
        await EventuallyAsync(() => _cluster.Source.Calls == 1 && _cluster.Store.QueueReads >= 2, "the first attempt and a look at the queue after it");
        _cluster.Source.Failure = null;
        var reads = _cluster.Store.QueueReads;
        await Task.Delay(300, Token);
        // The clock stood still: no retry, and no further look at the queue either.
        Assert.Equal((1, reads), (_cluster.Source.Calls, _cluster.Store.QueueReads));

        var waited = await AdvanceUntilAsync(() => _cluster.Store.Get(id).MonitoringStatus == MonitoringStatus.ArchivingSuccessful, "the retry archives the job");
        await service.StopAsync(Token);
        Assert.InRange(waited, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(15));
        Assert.Equal(2, _cluster.Source.Calls);
    }

    [Fact]
    public async Task TransientFailure_RetriesUsedUp_RecordedAsFailed()
    {
        _cluster.Source.Failure = new HttpRequestException("Connection refused");
        var id = _cluster.Store.Add(StoppedJob());
        using var service = Service(retries: 2);

        await service.StartAsync(Token);
        await EventuallyAsync(() => _cluster.Source.Calls == 1, "the first attempt");
        var first = await AdvanceUntilAsync(() => _cluster.Source.Calls == 2, "the first retry");
        var second = await AdvanceUntilAsync(() => _cluster.Store.Get(id).MonitoringStatus == MonitoringStatus.ArchivingFailed, "the job is recorded as failed");
        await service.StopAsync(Token);

        // 10 s before the first retry, twice that before the second, which is the last.
        Assert.InRange(first, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(15));
        Assert.InRange(second, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(25));
        Assert.Equal(3, _cluster.Source.Calls);
        Assert.Equal("loading metric data failed: Connection refused", _cluster.Store.Get(id).MetaData![JobArchiver.FailureMetadataKey]);
    }

    [Fact]
    public async Task Disabled_QueueIsNotTouched()
    {
        var id = _cluster.Store.Add(StoppedJob());
        using var service = Service(enabled: false);

        await service.StartAsync(Token);
        _signal.Poke();
        await Task.Delay(200, Token);
        await service.StopAsync(Token);

        Assert.Equal(0, _cluster.Store.QueueReads);
        Assert.Equal(MonitoringStatus.RunningOrArchiving, _cluster.Store.Get(id).MonitoringStatus);
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(4, 80)]
    [InlineData(30, 1800)]
    public void RetryDelay_DoublesUpToTheCap(int attempt, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), JobArchivingService.RetryDelay(TimeSpan.FromSeconds(10), attempt));
}
