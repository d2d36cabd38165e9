using Clusterdeck.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clusterdeck.Core.Metrics.Store;

/// <summary>
/// The metric store's housekeeping: at start, restores the checkpoints (before the server takes requests); then
/// frees chunks past the retention, enforces the memory limit as soon as a write crosses it, and writes snapshots.
/// </summary>
internal sealed partial class MetricStoreMaintenance(
    MetricStore store,
    IOptions<MetricStoreOptions> options,
    IOptions<StorageOptions> storage,
    TimeProvider time,
    ILogger<MetricStoreMaintenance> logger) : BackgroundService
{
    private static readonly TimeSpan RetentionPeriod = TimeSpan.FromMinutes(1);
    private MetricCheckpoints? _checkpoints;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var checkpoints = options.Value.Checkpoints;
        if (checkpoints.Enabled)
        {
            // Hosted services start before Kestrel listens, so no write arrives before the restore is complete.
            _checkpoints = MetricCheckpoints.Open(store, checkpoints.ResolveDirectory(storage.Value), checkpoints.SyncWrites, logger);
            store.AttachLog(_checkpoints);
        }

        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _checkpoints?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var snapshotInterval = options.Value.Checkpoints.IntervalSpan;
        var nextRetention = time.GetUtcNow();
        var nextSnapshot = time.GetUtcNow() + snapshotInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var now = time.GetUtcNow();
                if (now >= nextRetention)
                {
                    store.ApplyRetention();
                    nextRetention = now + RetentionPeriod;
                }

                store.EnforceMemoryLimit();
                if (_checkpoints is not null && now >= nextSnapshot)
                {
                    await Task.Run(_checkpoints.Snapshot, stoppingToken);
                    nextSnapshot = time.GetUtcNow() + snapshotInterval;
                }

                var wake = nextRetention < nextSnapshot || _checkpoints is null ? nextRetention : nextSnapshot;
                var delay = wake - time.GetUtcNow();
                await store.MemoryPressure.WaitAsync(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A snapshot that fails (disk full) leaves the log in place; points stay safe, the log just grows.
                LogMaintenanceFailed(logger, e);
                await Task.Delay(TimeSpan.FromSeconds(10), time, stoppingToken);
            }
        }
    }

    [LoggerMessage(EventId = 7121, Level = LogLevel.Error, Message = "Metric store maintenance failed; retrying in 10 s")]
    private static partial void LogMaintenanceFailed(ILogger logger, Exception exception);
}
