using Clusterdeck.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Clusterdeck.Data;

/// <summary>Turns the <c>Database</c> and <c>Storage</c> sections into a connection string.</summary>
internal static class DatabaseConnection
{
    public const string DefaultSqliteFile = "clusterdeck.db";

    public static string SqliteConnectionString(DatabaseOptions database, StorageOptions storage)
    {
        var builder = new SqliteConnectionStringBuilder(database.ConnectionString ?? string.Empty);
        if (string.IsNullOrEmpty(builder.DataSource))
        {
            builder.DataSource = Path.Combine(storage.ResolvedDataDirectory, DefaultSqliteFile);
        }

        builder.Pooling = true;
        return builder.ToString();
    }

    /// <summary>Creates the directory a SQLite file will live in; SQLite creates the file but not its folder.</summary>
    public static void EnsureSqliteDirectory(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (dataSource.Length > 0 && dataSource != ":memory:" && !dataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }
    }
}
