using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clusterdeck.Core.Accounts.Ldap;

/// <summary>
/// Runs <see cref="LdapUserSync"/> every <c>sync_interval</c>; as in cc-backend, the first run comes one
/// interval after start. Does nothing when LDAP is off or the interval is empty or zero. A failed run is
/// logged and the next one happens on schedule.
/// </summary>
/// <remarks>
/// Each run resolves <see cref="LdapUserSync"/> from a new scope, so a scoped <see cref="IUserStore"/>
/// (one DbContext per run) works.
/// </remarks>
public sealed partial class LdapSyncService(
    IServiceScopeFactory scopeFactory,
    IOptions<LdapOptions> options,
    TimeProvider timeProvider,
    ILogger<LdapSyncService> logger) : BackgroundService
{

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            LogDisabled();
            return;
        }

        if (!settings.TryGetSyncInterval(out var interval))
        {
            LogInvalidInterval(settings.SyncInterval!);
            return;
        }

        if (interval == TimeSpan.Zero)
        {
            LogDisabled();
            return;
        }

        LogScheduled(interval);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            await RunOnceAsync(stoppingToken);
        }
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        var started = timeProvider.GetTimestamp();
        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            var sync = scope.ServiceProvider.GetRequiredService<LdapUserSync>();
            var result = await sync.SyncAsync(stoppingToken);
            var elapsedMs = timeProvider.GetElapsedTime(started).TotalMilliseconds;
            LogCompleted(result.Added, result.Updated, result.Deleted, result.Unchanged, result.Orphaned,
                result.Conflicts.Count, elapsedMs);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down mid-run; the loop ends on its next check.
        }
        catch (Exception e)
        {
            // Any failure of one run (directory down, database busy) is logged; the schedule goes on.
            LogFailed(e);
        }
    }

    [LoggerMessage(EventId = 2131, Level = LogLevel.Debug, Message = "LDAP sync is off (LDAP disabled or no sync_interval)")]
    private partial void LogDisabled();

    [LoggerMessage(EventId = 2132, Level = LogLevel.Error, Message = "LDAP sync is off: sync_interval {Interval} is not a Go duration between 0 and 49 days")]
    private partial void LogInvalidInterval(string interval);

    [LoggerMessage(EventId = 2133, Level = LogLevel.Information, Message = "LDAP sync runs every {Interval}")]
    private partial void LogScheduled(TimeSpan interval);

    [LoggerMessage(EventId = 2134, Level = LogLevel.Information,
        Message = "LDAP sync done in {ElapsedMs:F0} ms: {Added} added, {Updated} updated, {Deleted} deleted, {Unchanged} unchanged, {Orphaned} kept though gone from LDAP, {Conflicts} conflicts")]
    private partial void LogCompleted(int added, int updated, int deleted, int unchanged, int orphaned, int conflicts, double elapsedMs);

    [LoggerMessage(EventId = 2135, Level = LogLevel.Error, Message = "LDAP sync failed; the next run is on schedule")]
    private partial void LogFailed(Exception exception);
}
