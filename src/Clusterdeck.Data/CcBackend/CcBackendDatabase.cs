using System.Text.Json;
using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Errors;
using Clusterdeck.Core.Jobs;
using Microsoft.Data.Sqlite;

namespace Clusterdeck.Data.CcBackend;

/// <summary>
/// Reads a cc-backend SQLite database (schema version 10) without changing it: the file is opened
/// read-only, and everything is read inside one transaction so a database that cc-backend is still
/// writing gives one consistent snapshot.
/// </summary>
public sealed class CcBackendDatabase : IAsyncDisposable
{
    public const int SupportedSchemaVersion = 10;

    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _snapshot;

    private CcBackendDatabase(SqliteConnection connection, SqliteTransaction snapshot)
    {
        _connection = connection;
        _snapshot = snapshot;
    }

    /// <summary>Opens the database; throws <see cref="InvalidInputException"/> when it is missing, not SQLite, or not schema version 10.</summary>
    public static async Task<CcBackendDatabase> OpenAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new InvalidInputException($"cc-backend database '{path}' does not exist");
        }

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(path),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString();
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            var snapshot = connection.BeginTransaction(deferred: true);
            var database = new CcBackendDatabase(connection, snapshot);
            await database.CheckSchemaAsync(path, cancellationToken);
            return database;
        }
        catch (SqliteException e)
        {
            await connection.DisposeAsync();
            throw new InvalidInputException($"'{path}' is not a readable cc-backend database: {e.Message}");
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task CheckSchemaAsync(string path, CancellationToken cancellationToken)
    {
        using var command = Command("SELECT version, dirty FROM schema_migrations");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidInputException($"'{path}' has no schema version; is it a cc-backend database?");
        }

        var version = reader.GetInt64(0);
        var dirty = !reader.IsDBNull(1) && reader.GetBoolean(1);
        if (version != SupportedSchemaVersion || dirty)
        {
            throw new InvalidInputException(
                $"'{path}' has cc-backend schema version {version}{(dirty ? " (dirty)" : "")}; only version {SupportedSchemaVersion} can be taken over — run cc-backend -migrate-db first");
        }
    }

    public async Task<IReadOnlyList<UserAccount>> ReadUsersAsync(CancellationToken cancellationToken)
    {
        using var command = Command("SELECT username, password, ldap, name, roles, email, projects FROM hpc_user ORDER BY username");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var users = new List<UserAccount>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var username = reader.GetString(0);
            var roleNames = JsonList(reader, 4, $"roles of user '{username}'");
            // Unknown role names in an old database are dropped rather than failing the whole takeover.
            var roles = roleNames.Select(n => RoleNames.TryParse(n, out var r) ? (Role?)r : null).OfType<Role>().Distinct().Order().ToList();
            users.Add(new UserAccount
            {
                Username = username,
                PasswordHash = NullIfEmpty(reader, 1),
                AuthSource = reader.IsDBNull(2) ? AuthSource.Local : (AuthSource)reader.GetInt32(2),
                Name = NullIfEmpty(reader, 3),
                Roles = roles,
                Email = NullIfEmpty(reader, 5),
                Projects = JsonList(reader, 6, $"projects of user '{username}'"),
            });
        }

        return users;
    }

    public async Task<IReadOnlyList<CcBackendTag>> ReadTagsAsync(CancellationToken cancellationToken)
    {
        using var command = Command("SELECT id, tag_type, tag_name, tag_scope FROM tag ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tags = new List<CcBackendTag>();
        while (await reader.ReadAsync(cancellationToken))
        {
            tags.Add(new CcBackendTag(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? TagScopes.Global : reader.GetString(3)));
        }

        return tags;
    }

    /// <summary>(job row id, tag id) pairs.</summary>
    public async Task<IReadOnlyList<(long JobRowId, long TagId)>> ReadJobTagsAsync(CancellationToken cancellationToken)
    {
        using var command = Command("SELECT job_id, tag_id FROM jobtag ORDER BY job_id, tag_id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var pairs = new List<(long, long)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            pairs.Add((reader.GetInt64(0), reader.GetInt64(1)));
        }

        return pairs;
    }

    public async Task<long> CountJobsAsync(CancellationToken cancellationToken)
    {
        using var command = Command("SELECT (SELECT count(*) FROM job) + (SELECT count(*) FROM job_cache)");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Every job: the <c>job</c> table, then rows of <c>job_cache</c> (jobs started since cc-backend last
    /// synced its cache) whose key is not in <c>job</c>. <see cref="Job.Id"/> carries cc-backend's row id
    /// (of the <c>job</c> table; null for cache rows), so job-tag rows can be mapped.
    /// </summary>
    public async IAsyncEnumerable<Job> ReadJobsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var (table, keepId) in new[] { ("job", true), ("job_cache", false) })
        {
            var exclude = table == "job_cache"
                ? " WHERE NOT EXISTS (SELECT 1 FROM job j WHERE j.job_id = c.job_id AND j.cluster = c.cluster AND j.start_time = c.start_time)"
                : "";
            using var command = Command(
                "SELECT id, job_id, cluster, subcluster, submit_time, start_time, hpc_user, project, cluster_partition, array_job_id, " +
                "duration, walltime, job_state, meta_data, resources, num_nodes, num_hwthreads, num_acc, smt, shared, monitoring_status, " +
                $"energy, energy_footprint, footprint FROM {table} c{exclude} ORDER BY id");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                yield return ReadJob(reader, keepId);
            }
        }
    }

    private static Job ReadJob(SqliteDataReader reader, bool keepId)
    {
        var rowId = reader.GetInt64(0);
        var where = $"job row {rowId}";
        return new Job
        {
            Id = keepId ? rowId : null,
            JobId = reader.GetInt64(1),
            Cluster = reader.GetString(2),
            SubCluster = reader.GetString(3),
            SubmitTime = Int64(reader, 4),
            StartTime = Int64(reader, 5),
            User = reader.GetString(6),
            Project = reader.GetString(7),
            Partition = NullIfEmpty(reader, 8),
            ArrayJobId = Int64(reader, 9),
            Duration = (int)Int64(reader, 10),
            Walltime = Int64(reader, 11),
            State = FromCcState(reader.GetString(12)),
            MetaData = Json<Dictionary<string, string>>(reader, 13, where),
            Resources = Json<List<JobResource>>(reader, 14, where) ?? [],
            NumNodes = (int)Int64(reader, 15),
            NumHwthreads = (int)Int64(reader, 16),
            NumAcc = (int)Int64(reader, 17),
            Smt = (int)Int64(reader, 18),
            Shared = reader.GetString(19),
            MonitoringStatus = (int)Int64(reader, 20),
            Energy = reader.IsDBNull(21) ? 0 : reader.GetDouble(21),
            EnergyFootprint = Json<Dictionary<string, double>>(reader, 22, where),
            Footprint = Json<Dictionary<string, double>>(reader, 23, where),
        };
    }

    /// <summary>cc-backend's table spells one state with dashes; its API and ours use underscores.</summary>
    public static string FromCcState(string state) => state == "out-of-memory" ? JobStates.OutOfMemory : state;

    private SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _snapshot;
        command.CommandText = sql;
        return command;
    }

    private static long Int64(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? 0 : reader.GetInt64(ordinal);

    private static string? NullIfEmpty(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal) is { Length: > 0 } text ? text : null;

    // cc-backend stores its JSON columns as BLOB or TEXT depending on the code path that wrote them.
    private static T? Json<T>(SqliteDataReader reader, int ordinal, string where)
        where T : class
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        var bytes = reader.GetFieldType(ordinal) == typeof(byte[]) ? (byte[])reader.GetValue(ordinal) : System.Text.Encoding.UTF8.GetBytes(reader.GetString(ordinal));
        if (bytes.Length == 0 || bytes.AsSpan().SequenceEqual("null"u8))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(bytes);
        }
        catch (JsonException e)
        {
            throw new InvalidInputException($"{where}: column {reader.GetName(ordinal)} is not valid JSON: {e.Message}");
        }
    }

    private static List<string> JsonList(SqliteDataReader reader, int ordinal, string what)
    {
        var list = Json<List<string>>(reader, ordinal, what);
        return list ?? [];
    }

    public async ValueTask DisposeAsync()
    {
        await _snapshot.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
