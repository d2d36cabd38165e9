namespace Clusterdeck.Core.Storage;

/// <summary>The <c>Database</c> section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary><c>sqlite</c> (default, a file in the data directory) or <c>postgres</c>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// For SQLite an optional connection string (default: <c>Data Source=&lt;data-dir&gt;/clusterdeck.db</c>);
    /// for PostgreSQL an Npgsql connection string, required.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>How long a SQLite writer waits for a lock held by another connection.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether migrations are applied when the server starts (they always are by <c>clusterdeck db migrate</c>).</summary>
    public bool MigrateOnStart { get; set; } = true;
}
