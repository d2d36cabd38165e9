using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Clusterdeck.Data.Jobs;

/// <summary>
/// The job table's secondary (non-unique) indexes, read from the EF model so there is one definition. A
/// rebuild from the archive drops them and builds them again in one sorted pass, which is several times
/// faster than maintaining them row by row. <see cref="EnsureAsync"/> runs after every migration too, so a
/// rebuild killed halfway leaves a database that is whole again at the next start.
/// </summary>
internal static class JobIndexes
{
    private const string JobTable = "job";

    public static IReadOnlyList<ITableIndex> Secondary(DbContext context) =>
        [.. context.Model.GetRelationalModel().Tables.Single(t => t.Name == JobTable).Indexes.Where(i => !i.IsUnique)];

    public static async Task DropAsync(DbContext context, DbConnection connection, CancellationToken cancellationToken)
    {
        foreach (var index in Secondary(context))
        {
            await ExecuteAsync(connection, $"DROP INDEX IF EXISTS {index.Name}", cancellationToken);
        }
    }

    public static async Task EnsureAsync(DbContext context, DbConnection connection, CancellationToken cancellationToken)
    {
        foreach (var index in Secondary(context))
        {
            await ExecuteAsync(connection,
                $"CREATE INDEX IF NOT EXISTS {index.Name} ON {JobTable} ({string.Join(", ", index.Columns.Select(c => c.Name))})", cancellationToken);
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0; // building an index over millions of rows takes as long as it takes
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
