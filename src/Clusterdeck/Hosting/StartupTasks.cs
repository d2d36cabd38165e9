using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Archive;
using Clusterdeck.Core.Authentication;
using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Storage;
using Clusterdeck.Data;
using Microsoft.Extensions.Options;

namespace Clusterdeck.Hosting;

/// <summary>What runs before Clusterdeck serves or a command touches the database: schema, keys, first user.</summary>
internal sealed partial class StartupTasks(
    IServiceProvider services,
    IOptions<StorageOptions> storage,
    IOptions<DatabaseOptions> database,
    ILogger<StartupTasks> logger)
{
    /// <summary>Validates the configuration, creates the data directory and migrates the database when configured to.</summary>
    public async Task PrepareDatabaseAsync(CancellationToken cancellationToken)
    {
        ConfigurationValidation.ThrowIfInvalid(services);
        Directory.CreateDirectory(storage.Value.ResolvedDataDirectory);
        if (database.Value.MigrateOnStart)
        {
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Everything the server needs beyond the database: signing keys and the first admin. With
    /// <c>MigrateOnStart</c> off, a database that is not ready (unreachable, not migrated) does not stop
    /// the server: it answers <c>/readyz</c> with 503 and the reason until an operator fixes it.
    /// </summary>
    public async Task PrepareServerAsync(CancellationToken cancellationToken)
    {
        await PrepareDatabaseAsync(cancellationToken);
        await PrepareArchiveAsync(cancellationToken);
        var keys = services.GetRequiredService<JwtKeyPair>();
        LogKeys(logger, keys.CanSign ? "sign and verify" : "verify only");

        var status = await services.GetRequiredService<DatabaseMigrator>().CheckAsync(cancellationToken);
        if (!status.Ready)
        {
            LogDatabaseNotReady(logger, status.Error ?? $"{status.PendingMigrations.Count} migration(s) pending; run 'clusterdeck db migrate'");
            return;
        }

        await services.GetRequiredService<InitialAdminSeeder>().EnsureAsync(cancellationToken);
    }

    /// <summary>
    /// Creates a new archive (or checks an existing one's version) and loads its cluster configurations. A bad
    /// archive stops the server or command with the file and the reason, like a bad configuration file.
    /// </summary>
    public async Task PrepareArchiveAsync(CancellationToken cancellationToken)
    {
        var archive = services.GetRequiredService<IJobArchive>();
        try
        {
            await archive.InitializeAsync(cancellationToken);
            var clusters = services.GetRequiredService<IClusterCatalog>().Clusters;
            LogArchive(logger, archive.Root, clusters.Count);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException([$"{ArchiveOptions.SectionName}: {e.Message}"]);
        }
    }

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Job archive {Root} ready with {ClusterCount} cluster(s)")]
    private static partial void LogArchive(ILogger logger, string root, int clusterCount);

    [LoggerMessage(EventId = 101, Level = LogLevel.Error, Message = "Database not ready, /readyz answers 503 until it is: {Reason}")]
    private static partial void LogDatabaseNotReady(ILogger logger, string reason);

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "JWT keys loaded: tokens can be used to {Capability}")]
    private static partial void LogKeys(ILogger logger, string capability);
}
