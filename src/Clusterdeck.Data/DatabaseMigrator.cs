using Clusterdeck.Core.Storage;
using Clusterdeck.Data.Jobs;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Clusterdeck.Data;

/// <summary>Applies and inspects migrations of the configured database.</summary>
public sealed partial class DatabaseMigrator(
    IDbContextFactory<ClusterdeckDbContext> contexts,
    IOptions<DatabaseOptions> options,
    ILogger<DatabaseMigrator> logger)
{
    /// <summary>Applies every pending migration and returns their names. Safe to run from several
    /// replicas at once: EF Core holds a database lock while it migrates.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (options.Value.Provider == DatabaseProvider.Sqlite)
        {
            DatabaseConnection.EnsureSqliteDirectory(db.Database.GetConnectionString()!);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count == 0)
        {
            LogSchemaCurrent(logger, options.Value.Provider);
        }
        else
        {
            LogMigrating(logger, pending.Count, options.Value.Provider);
            await db.Database.MigrateAsync(cancellationToken);
            foreach (var migration in pending)
            {
                LogMigrationApplied(logger, migration);
            }
        }

        // Indexes an interrupted archive rebuild had set aside come back here.
        await db.Database.OpenConnectionAsync(cancellationToken);
        await JobIndexes.EnsureAsync(db, db.Database.GetDbConnection(), cancellationToken);
        return pending;
    }

    public async Task<DatabaseStatus> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken);
            return new DatabaseStatus(true, [.. pending], null);
        }
        catch (Exception e) when (e is SqliteException or NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return new DatabaseStatus(false, [], e.Message);
        }
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Database schema ({Provider}) is current")]
    private static partial void LogSchemaCurrent(ILogger logger, DatabaseProvider provider);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Applying {Count} migration(s) to the {Provider} database")]
    private static partial void LogMigrating(ILogger logger, int count, DatabaseProvider provider);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Applied migration {Migration}")]
    private static partial void LogMigrationApplied(ILogger logger, string migration);
}
