using Clusterdeck.Core.Jobs;
using Clusterdeck.Core.Metrics.Archiving;
using Microsoft.Extensions.Logging.Abstractions;
using static Clusterdeck.Core.Tests.Metrics.Archiving.ArchivingTestCluster;

namespace Clusterdeck.Core.Tests.Metrics.Archiving;

public sealed class RunningJobRefresherTests : IDisposable
{
    private readonly ArchivingTestCluster _cluster = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _cluster.Dispose();

    private RunningJobRefresher Refresher() =>
        new(_cluster.Store, _cluster.Catalog, _cluster.Source, _cluster.Placement, _cluster.Clock, NullLogger<RunningJobRefresher>.Instance);

    private Job RunningJob(long jobId, int sinceSeconds) => StoppedJob(jobId) with
    {
        State = JobStates.Running,
        StartTime = _cluster.Clock.GetUtcNow().ToUnixTimeSeconds() - sinceSeconds,
        Duration = 0,
    };

    [Fact]
    public async Task RefreshAll_RunningJobs_DurationFootprintAndEnergySoFar()
    {
        _cluster.Source
            .Add("cpu_load", "n01", Load, 1, 3)
            .Add("cpu_load", "n02", Load, 5, float.NaN)
            .Add("cpu_load", "n09", Load, 100) // another job's host: not counted
            .Add("mem_used", "n01", Gigabytes, 7, 8)
            .Add("cpu_power", "n01", Watts, 200, 300)
            .Add("cpu_power", "n02", Watts, 100, 100);
        var id = _cluster.Store.Add(RunningJob(1, sinceSeconds: 2400));
        var stopped = _cluster.Store.Add(StoppedJob(2));

        var refreshed = await Refresher().RefreshAllAsync(Token);

        Assert.Equal(1, refreshed);
        var job = _cluster.Store.Get(id);
        Assert.Equal(2400, job.Duration);
        // cpu_load: node averages 2 and 5 -> 3.5; mem_used max over the one node that has it: 8.
        Assert.Equal(new Dictionary<string, double> { ["cpu_load_avg"] = 3.5, ["mem_used_max"] = 8 }, job.Footprint);
        // 175 W x 2 nodes x 40 min = 0.2333 kWh -> 0.23.
        Assert.Equal(0.23, job.Energy);
        Assert.Equal(MonitoringStatus.RunningOrArchiving, job.MonitoringStatus);
        Assert.Null(_cluster.Store.Get(stopped).Footprint);
    }

    [Fact]
    public async Task Refresh_JobStoppedMeanwhile_LeavesItAlone()
    {
        _cluster.Source.Add("cpu_load", "n01", Load, 1, 3);
        var id = _cluster.Store.Add(RunningJob(1, sinceSeconds: 600));
        var seenRunning = _cluster.Store.Get(id);
        await _cluster.Store.UpdateAsync(seenRunning with { State = JobStates.Completed, Duration = 500 }, Token);

        Assert.False(await Refresher().RefreshAsync(seenRunning, Token));
        Assert.Equal(500, _cluster.Store.Get(id).Duration);
    }

    [Fact]
    public async Task Refresh_SourceDown_ReportsFalseAndChangesNothing()
    {
        _cluster.Source.Failure = new HttpRequestException("Connection refused");
        var id = _cluster.Store.Add(RunningJob(1, sinceSeconds: 600));

        Assert.False(await Refresher().RefreshAsync(_cluster.Store.Get(id), Token));
        Assert.Equal(0, _cluster.Store.Get(id).Duration);
    }
}
