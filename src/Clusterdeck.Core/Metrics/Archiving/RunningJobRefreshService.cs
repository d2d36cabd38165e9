using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clusterdeck.Core.Metrics.Archiving;

/// <summary>
/// Runs <see cref="RunningJobRefresher"/> every <see cref="ArchivingOptions.RefreshInterval"/>, the first time one interval
/// after start (as cc-backend's scheduled footprint update). Off when the interval is 0. A failed round is logged and the
/// next one comes on schedule.
/// </summary>
public sealed partial class RunningJobRefreshService(
    RunningJobRefresher refresher,
    IOptions<ArchivingOptions> options,
    TimeProvider timeProvider,
    ILogger<RunningJobRefreshService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.RefreshIntervalSpan;
        if (interval == TimeSpan.Zero)
        {
            LogDisabled();
            return;
        }

        LogScheduled(interval);
        using var timer = new PeriodicTimer(interval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var started = timeProvider.GetTimestamp();
                try
                {
                    var refreshed = await refresher.RefreshAllAsync(stoppingToken);
                    var elapsed = timeProvider.GetElapsedTime(started);
                    LogRefreshed(refreshed, elapsed.TotalMilliseconds);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogRoundFailed(e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(EventId = 4721, Level = LogLevel.Information, Message = "Running-job refresh is off (Archiving:RefreshInterval=0)")]
    private partial void LogDisabled();

    [LoggerMessage(EventId = 4722, Level = LogLevel.Information, Message = "Running jobs get their duration and footprint refreshed every {Interval}")]
    private partial void LogScheduled(TimeSpan interval);

    [LoggerMessage(EventId = 4723, Level = LogLevel.Debug, Message = "Refreshed {Count} running job(s) in {ElapsedMs:F0} ms")]
    private partial void LogRefreshed(int count, double elapsedMs);

    [LoggerMessage(EventId = 4724, Level = LogLevel.Error, Message = "Refreshing running jobs failed; the next round is on schedule")]
    private partial void LogRoundFailed(Exception exception);
}
