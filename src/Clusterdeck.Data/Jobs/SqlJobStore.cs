using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Clusterdeck.Core.Errors;
using Clusterdeck.Core.Jobs;
using Clusterdeck.Core.Jobs.Queries;
using Clusterdeck.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Clusterdeck.Data.Jobs;

/// <summary>
/// The job table through hand-written, parameterised SQL on the context's connection: EF cannot express the
/// footprint-JSON filters and orders, and the bulk paths need prepared statements (SQLite) and binary COPY
/// (PostgreSQL). On SQLite, single inserts go through one group-commit writer.
/// </summary>
internal sealed class SqlJobStore : IJobStore, IAsyncDisposable
{
    private static readonly string InsertColumns = string.Join(", ", JobRow.Columns);
    private const string KeyConflict = " ON CONFLICT (job_id, cluster, start_time) DO NOTHING";

    private readonly IDbContextFactory<ClusterdeckDbContext> _contexts;
    private readonly TimeProvider _timeProvider;
    private readonly SqlDialect _dialect;
    private readonly GroupCommitWriter<PendingInsert, InsertOutcome>? _writer;

    public SqlJobStore(IDbContextFactory<ClusterdeckDbContext> contexts, IOptions<DatabaseOptions> options, TimeProvider timeProvider)
    {
        _contexts = contexts;
        _timeProvider = timeProvider;
        _dialect = options.Value.Provider == DatabaseProvider.Postgres ? SqlDialect.Postgres : SqlDialect.Sqlite;
        _writer = _dialect.IsPostgres ? null : new GroupCommitWriter<PendingInsert, InsertOutcome>(InsertBatchAsync);
    }

    private long Now => _timeProvider.GetUtcNow().ToUnixTimeSeconds();

    public Task<long> AddAsync(Job job, CancellationToken cancellationToken) => AddAsync(new PendingInsert(job, null), cancellationToken);

    public Task<long> AddUnlessStartedAfterAsync(Job job, long conflictsAfter, CancellationToken cancellationToken) =>
        AddAsync(new PendingInsert(job, conflictsAfter), cancellationToken);

    private async Task<long> AddAsync(PendingInsert pending, CancellationToken cancellationToken)
    {
        var outcome = _writer is not null
            ? await _writer.WriteAsync(pending, cancellationToken)
            : (await InsertBatchAsync([pending], cancellationToken))[0];
        var job = pending.Job;
        return outcome switch
        {
            { Id: { } id } => id,
            { Conflicting: { } existing } => throw new ConflictException(string.Create(CultureInfo.InvariantCulture,
                $"a job with that jobId, cluster and startTime already exists: dbid: {existing.Id}, jobid: {job.JobId}, startTime: {existing.StartTime}")),
            _ => throw new ConflictException(string.Create(CultureInfo.InvariantCulture,
                $"a job with jobId {job.JobId} on cluster '{job.Cluster}' and startTime {job.StartTime} already exists")),
        };
    }

    /// <summary>
    /// Inserts the jobs in one transaction, each after its duplicate check, so a check and its insert are atomic:
    /// on SQLite because one writer runs the batches, on PostgreSQL under a transaction-scoped advisory lock on (cluster, jobId).
    /// </summary>
    private async Task<InsertOutcome[]> InsertBatchAsync(IReadOnlyList<PendingInsert> pending, CancellationToken cancellationToken)
    {
        await using var session = await DbSession.OpenAsync(_contexts, cancellationToken);
        await using var transaction = await session.Connection.BeginTransactionAsync(cancellationToken);
        var results = new InsertOutcome[pending.Count];
        await using var insert = CreateInsert(session.Connection, transaction, returning: true);
        await using var check = CreateStartedAfterCheck(session.Connection, transaction);
        for (var i = 0; i < pending.Count; i++)
        {
            var job = pending[i].Job;
            if (pending[i].ConflictsAfter is { } after)
            {
                if (_dialect.IsPostgres)
                {
                    await LockJobIdAsync(session.Connection, transaction, job, cancellationToken);
                }

                check.Parameters[0].Value = job.JobId;
                check.Parameters[1].Value = job.Cluster;
                check.Parameters[2].Value = after;
                await using (var reader = await check.ExecuteReaderAsync(cancellationToken))
                {
                    if (await reader.ReadAsync(cancellationToken))
                    {
                        results[i] = new InsertOutcome(null, (reader.GetInt64(0), reader.GetInt64(1)));
                        continue;
                    }
                }
            }

            var id = await ExecuteInsertAsync(insert, job, cancellationToken);
            results[i] = new InsertOutcome(id, null);
            if (id is { } added && job.Tags is { Count: > 0 } tags)
            {
                await TagSql.AttachAllAsync(session.Connection, transaction, added, tags, cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return results;
    }

    private static DbCommand CreateStartedAfterCheck(DbConnection connection, DbTransaction transaction)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT id, start_time FROM job WHERE job_id = @job AND cluster = @cluster AND start_time > @after ORDER BY start_time DESC LIMIT 1";
        foreach (var name in new[] { "@job", "@cluster", "@after" })
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>Serialises concurrent starts of one (cluster, jobId) across connections and replicas until the transaction ends.</summary>
    private static async Task LockJobIdAsync(DbConnection connection, DbTransaction transaction, Job job, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT pg_advisory_xact_lock(hashtextextended(@cluster, @job))";
        var cluster = command.CreateParameter();
        cluster.ParameterName = "@cluster";
        cluster.Value = job.Cluster;
        command.Parameters.Add(cluster);
        var jobId = command.CreateParameter();
        jobId.ParameterName = "@job";
        jobId.Value = job.JobId;
        command.Parameters.Add(jobId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A job waiting for insertion; with <see cref="ConflictsAfter"/>, a job of the same cluster and jobId that started later refuses it.</summary>
    private readonly record struct PendingInsert(Job Job, long? ConflictsAfter);

    /// <summary>The new row's id, or the job that refused it (null and null: the exact key existed).</summary>
    private readonly record struct InsertOutcome(long? Id, (long Id, long StartTime)? Conflicting);

    private DbCommand CreateInsert(DbConnection connection, DbTransaction transaction, bool returning)
    {
        var values = JobRow.Columns.Select((_, i) =>
        {
            var name = "@c" + i.ToString(CultureInfo.InvariantCulture);
            return JobRow.JsonColumns.Contains(i) ? _dialect.JsonValue(name) : name;
        });
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO job ({InsertColumns}) VALUES ({string.Join(", ", values)}){KeyConflict}{(returning ? " RETURNING id" : "")}";
        for (var i = 0; i < JobRow.Columns.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@c" + i.ToString(CultureInfo.InvariantCulture);
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static async Task<long?> ExecuteInsertAsync(DbCommand insert, Job job, CancellationToken cancellationToken)
    {
        var values = JobRow.Values(job);
        for (var i = 0; i < values.Length; i++)
        {
            insert.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        var id = await insert.ExecuteScalarAsync(cancellationToken);
        return id is null or DBNull ? null : Convert.ToInt64(id, CultureInfo.InvariantCulture);
    }

    public async Task<int> AddManyAsync(IReadOnlyList<Job> jobs, CancellationToken cancellationToken)
    {
        if (jobs.Count == 0)
        {
            return 0;
        }

        if (_dialect.IsPostgres)
        {
            return await CopyManyAsync(jobs, cancellationToken);
        }

        await using var session = await DbSession.OpenAsync(_contexts, cancellationToken);
        await using var transaction = await session.Connection.BeginTransactionAsync(cancellationToken);
        await using var insert = CreateInsert(session.Connection, transaction, returning: true);
        await insert.PrepareAsync(cancellationToken);
        var added = 0;
        foreach (var job in jobs)
        {
            if (await ExecuteInsertAsync(insert, job, cancellationToken) is { } id)
            {
                added++;
                if (job.Tags is { Count: > 0 } tags)
                {
                    await TagSql.AttachAllAsync(session.Connection, transaction, id, tags, cancellationToken);
                }
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    /// <summary>PostgreSQL: binary COPY into a temporary table, then one INSERT ... SELECT that skips existing keys.</summary>
    private async Task<int> CopyManyAsync(IReadOnlyList<Job> jobs, CancellationToken cancellationToken)
    {
        await using var session = await DbSession.OpenAsync(_contexts, cancellationToken);
        var connection = (NpgsqlConnection)session.Connection;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var create = new NpgsqlCommand($"CREATE TEMP TABLE job_import ON COMMIT DROP AS SELECT {InsertColumns} FROM job WITH NO DATA", connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var types = new NpgsqlDbType[]
        {
            NpgsqlDbType.Bigint, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Bigint, NpgsqlDbType.Bigint, NpgsqlDbType.Text,
            NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Bigint, NpgsqlDbType.Integer, NpgsqlDbType.Bigint, NpgsqlDbType.Text,
            NpgsqlDbType.Jsonb, NpgsqlDbType.Jsonb, NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Integer,
            NpgsqlDbType.Text, NpgsqlDbType.Integer, NpgsqlDbType.Double, NpgsqlDbType.Jsonb, NpgsqlDbType.Jsonb, NpgsqlDbType.Bigint,
        };
        await using (var importer = await connection.BeginBinaryImportAsync($"COPY job_import ({InsertColumns}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var job in jobs)
            {
                await importer.StartRowAsync(cancellationToken);
                var values = JobRow.Values(job);
                for (var i = 0; i < values.Length; i++)
                {
                    if (values[i] is null)
                    {
                        await importer.WriteNullAsync(cancellationToken);
                    }
                    else
                    {
                        await importer.WriteAsync(values[i], types[i], cancellationToken);
                    }
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }

        var added = new List<(long Id, long JobId, string Cluster, long StartTime)>();
        await using (var insert = new NpgsqlCommand(
            $"INSERT INTO job ({InsertColumns}) SELECT {InsertColumns} FROM job_import{KeyConflict} RETURNING id, job_id, cluster, start_time", connection, transaction))
        await using (var reader = await insert.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                added.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetInt64(3)));
            }
        }

        var tagged = jobs.Where(j => j.Tags is { Count: > 0 }).ToLookup(j => (j.JobId, j.Cluster, j.StartTime));
        if (tagged.Count > 0)
        {
            foreach (var row in added)
            {
                foreach (var job in tagged[(row.JobId, row.Cluster, row.StartTime)].Take(1))
                {
                    await TagSql.AttachAllAsync(connection, transaction, row.Id, job.Tags, cancellationToken);
                }
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return added.Count;
    }

    public async Task<Job?> GetAsync(long id, CancellationToken cancellationToken)
    {
        var sql = new SqlText();
        sql.Append($"SELECT {JobRow.SelectList} FROM job WHERE job.id = {sql.Param(id)}");
        return await ReadOneWithTagsAsync(sql, cancellationToken);
    }

    public async Task<Job?> FindAsync(long jobId, string? cluster, long? startTime, CancellationToken cancellationToken)
    {
        var sql = new SqlText();
        sql.Append($"SELECT {JobRow.SelectList} FROM job WHERE job.job_id = {sql.Param(jobId)}");
        if (cluster is not null)
        {
            sql.Append($" AND job.cluster = {sql.Param(cluster)}");
        }

        if (startTime is not null)
        {
            sql.Append($" AND job.start_time = {sql.Param(startTime)}");
        }

        sql.Append(" ORDER BY job.start_time DESC, job.id DESC LIMIT 1");
        return await ReadOneWithTagsAsync(sql, cancellationToken);
    }

    public async Task<IReadOnlyList<Job>> ListAwaitingArchiveAsync(int limit, CancellationToken cancellationToken)
    {
        var sql = new SqlText();
        sql.Append($"SELECT {JobRow.SelectList} FROM job WHERE job.monitoring_status = {sql.Param(MonitoringStatus.RunningOrArchiving)}"
            + $" AND job.job_state <> {sql.Param(JobStates.Running)} ORDER BY job.id LIMIT {sql.Param(limit)}");
        return await ReadManyWithTagsAsync(sql, cancellationToken);
    }

    public async Task<IReadOnlyList<Job>> ListRunningAsync(long afterId, int limit, CancellationToken cancellationToken)
    {
        var sql = new SqlText();
        sql.Append($"SELECT {JobRow.SelectList} FROM job WHERE job.job_state = {sql.Param(JobStates.Running)}"
            + $" AND job.id > {sql.Param(afterId)} ORDER BY job.id LIMIT {sql.Param(limit)}");
        return await ReadManyWithTagsAsync(sql, cancellationToken);
    }

    public async Task<bool> SetArchiveResultAsync(long id, int monitoringStatus, JobMetricsSummary? summary, CancellationToken cancellationToken)
    {
        var sql = new SqlText();
        sql.Append($"UPDATE job SET monitoring_status = {sql.Param(monitoringStatus)}");
        if (summary is not null)
        {
            sql.Append(", " + SummaryAssignments(sql, summary));
        }

        sql.Append($" WHERE id = {sql.Param(id)}");
        return await ExecuteAsync(sql, cancellationToken) > 0;
    }

    public async Task<bool> RefreshRunningAsync(long id, int duration, JobMetricsSummary summary, CancellationToken cancellationToken)
    {
        var sql = new SqlText();
        sql.Append($"UPDATE job SET duration = {sql.Param(duration)}, {SummaryAssignments(sql, summary)}"
            + $" WHERE id = {sql.Param(id)} AND job_state = {sql.Param(JobStates.Running)}");
        return await ExecuteAsync(sql, cancellationToken) > 0;
    }

    public async Task<bool> SetMetadataValueAsync(long id, string key, string value, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        var sql = new SqlText();
        sql.Append($"UPDATE job SET meta_data = {_dialect.SetJsonMember("meta_data", sql.Param(key), sql.Param(value))}"
            + $" WHERE id = {sql.Param(id)}");
        return await ExecuteAsync(sql, cancellationToken) > 0;
    }

    private string SummaryAssignments(SqlText sql, JobMetricsSummary summary)
    {
        var footprint = summary.Footprint is null ? null : JsonSerializer.Serialize(summary.Footprint, JobRowJson.Default.IReadOnlyDictionaryStringDouble);
        var energyFootprint = summary.EnergyFootprint is null ? null : JsonSerializer.Serialize(summary.EnergyFootprint, JobRowJson.Default.IReadOnlyDictionaryStringDouble);
        return $"footprint = {_dialect.JsonValue(sql.Param(footprint))}, energy = {sql.Param(summary.Energy)}, "
            + $"energy_footprint = {_dialect.JsonValue(sql.Param(energyFootprint))}";
    }

    private async Task<int> ExecuteAsync(SqlText sql, CancellationToken cancellationToken)
    {
        await using var session = await DbSession.OpenAsync(_contexts, cancellationToken);
        await using var command = sql.CreateCommand(session.Connection);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<Job>> ReadManyWithTagsAsync(SqlText sql, CancellationToken cancellationToken)
    {
        await using var session = await DbSession.OpenAsync(_contexts, cancellationToken);
        var jobs = new List<Job>();
        await using (var command = sql.CreateCommand(session.Connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                jobs.Add(JobRow.Read(reader, Now));
            }
        }

        if (jobs.Count == 0)
        {
            return jobs;
        }

        var tags = await TagSql.ForJobsAsync(session.Connection, [.. jobs.Select(j => j.Id!.Value)], cancellationToken);
        return [.. jobs.Select(j => j with { Tags = tags.TryGetValue(j.Id!.Value, out var list) ? list : [] })];
    }

    private async Task<Job?> ReadOneWithTagsAsync(SqlText sql, CancellationToken cancellationToken)
    {
        var jobs = await ReadManyWithTagsAsync(sql, cancellationToken);
        return jobs.Count == 0 ? null : jobs[0];
    }

    public async Task<bool> UpdateAsync(Job job, CancellationToken cancellationToken)
    {
        if (job.Id is not { } id)
        {
            throw new ArgumentException("the job has no database id", nameof(job));
        }

        var sql = new SqlText();
        var values = JobRow.Values(job);
        var assignments = JobRow.Columns.Select((column, i) =>
        {
            var parameter = sql.Param(values[i]);
            return $"{column} = {(JobRow.JsonColumns.Contains(i) ? _dialect.JsonValue(parameter) : parameter)}";
        }).ToList();
        sql.Append($"UPDATE job SET {string.Join(", ", assignments)} WHERE id = {sql.Param(id)}");
        await using var session = await DbSession.OpenAsync(_contexts, cancellationToken);
        await using var command = sql.CreateCommand(session.Connection);
        try
        {
            return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
        }
        catch (DbException error) when (IsUniqueViolation(error))
        {
            throw new ConflictException($"another job with jobId {job.JobId.ToString(CultureInfo.InvariantCulture)} on cluster '{job.Cluster}' and startTime {job.StartTime.ToString(CultureInfo.InvariantCulture)} exists");
        }
    }

    private static bool IsUniqueViolation(DbException error) => error switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555, // SQLITE_CONSTRAINT_UNIQUE, _PRIMARYKEY
        _ => false,
    };

    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken) =>
        await DeleteWhereAsync(sql => $"job.id = {sql.Param(id)}", cancellationToken) > 0;

    public Task<int> DeleteStartedBeforeAsync(long startTime, bool omitTagged, CancellationToken cancellationToken) =>
        DeleteWhereAsync(sql => $"job.start_time < {sql.Param(startTime)}"
            + (omitTagged ? " AND NOT EXISTS (SELECT 1 FROM jobtag WHERE jobtag.job_id = job.id)" : ""), cancellationToken);

    public async Task<IAsyncDisposable> BeginRebuildAsync(CancellationToken cancellationToken)
    {
        await DeleteWhereAsync(_ => "1 = 1", cancellationToken);
        await using var session = await DbSession.OpenAsync(_contexts, cancellationToken);
        await JobIndexes.DropAsync(session.Context, session.Connection, cancellationToken);
        return new RebuildScope(_contexts);
    }

    /// <summary>Ends a rebuild: builds the secondary indexes again and refreshes the planner's statistics.</summary>
    private sealed class RebuildScope(IDbContextFactory<ClusterdeckDbContext> contexts) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await using var session = await DbSession.OpenAsync(contexts, CancellationToken.None);
            await JobIndexes.EnsureAsync(session.Context, session.Connection, CancellationToken.None);
            await using var analyze = session.Connection.CreateCommand();
            analyze.CommandText = "ANALYZE job";
            analyze.CommandTimeout = 0;
            await analyze.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Deletes matching jobs and their tag attachments in one transaction (not relying on the engine's cascade).</summary>
    private async Task<int> DeleteWhereAsync(Func<SqlText, string> condition, CancellationToken cancellationToken)
    {
        await using var session = await DbSession.OpenAsync(_contexts, cancellationToken);
        await using var transaction = await session.Connection.BeginTransactionAsync(cancellationToken);
        var tags = new SqlText();
        tags.Append($"DELETE FROM jobtag WHERE jobtag.job_id IN (SELECT job.id FROM job WHERE {condition(tags)})");
        await using (var command = tags.CreateCommand(session.Connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var jobs = new SqlText();
        jobs.Append($"DELETE FROM job WHERE {condition(jobs)}");
        int deleted;
        await using (var command = jobs.CreateCommand(session.Connection, transaction))
        {
            deleted = await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    public async Task<JobPage> QueryAsync(JobQuery query, JobVisibility visibility, CancellationToken cancellationToken)
    {
        var now = Now;
        var page = query.Page;
        if (page is not null && (page.ItemsPerPage < -1 || page.Page < 1))
        {
            throw new InvalidInputException("invalid page: itemsPerPage must be -1 or more and page 1 or more");
        }

        await using var session = await DbSession.OpenAsync(_contexts, cancellationToken);
        var items = new List<Job>();
        var hasNextPage = false;
        if (page is not { ItemsPerPage: 0 })
        {
            var sql = new SqlText();
            sql.Append($"SELECT {JobRow.SelectList} FROM job");
            JobFilterSql.AppendWhere(sql, _dialect, query.Filters, visibility, now);
            JobOrderSql.Append(sql, _dialect, query.Order);
            if (page is { ItemsPerPage: > 0 })
            {
                // One row more than asked tells whether another page follows.
                sql.Append($" LIMIT {sql.Param(page.ItemsPerPage + 1)} OFFSET {sql.Param(page.Offset)}");
            }

            await using (var command = sql.CreateCommand(session.Connection))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    items.Add(JobRow.Read(reader, now));
                }
            }

            if (page is { ItemsPerPage: > 0 } && items.Count > page.ItemsPerPage)
            {
                hasNextPage = true;
                items.RemoveAt(items.Count - 1);
            }

            var tags = await TagSql.ForJobsAsync(session.Connection, [.. items.Select(j => j.Id!.Value)], cancellationToken);
            for (var i = 0; i < items.Count; i++)
            {
                items[i] = items[i] with { Tags = tags.TryGetValue(items[i].Id!.Value, out var list) ? list : [] };
            }
        }

        long? count = null;
        if (query.IncludeCount)
        {
            var sql = new SqlText();
            sql.Append("SELECT COUNT(*) FROM job");
            JobFilterSql.AppendWhere(sql, _dialect, query.Filters, visibility, now);
            await using var command = sql.CreateCommand(session.Connection);
            count = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            if (page is { ItemsPerPage: 0 })
            {
                hasNextPage = count > 0;
            }
        }

        return new JobPage(items, count, hasNextPage);
    }

    public async Task<IReadOnlyList<JobGroupStatistics>> StatisticsAsync(JobStatisticsQuery query, JobVisibility visibility, CancellationToken cancellationToken)
    {
        await using var session = await DbSession.OpenAsync(_contexts, cancellationToken);
        return await new JobStatisticsSql(session.Connection, _dialect, Now).RunAsync(query, visibility, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> PartitionsAsync(string cluster, CancellationToken cancellationToken)
    {
        var sql = new SqlText();
        sql.Append($"SELECT DISTINCT job.cluster_partition FROM job WHERE job.cluster = {sql.Param(cluster)} AND job.cluster_partition <> '' ORDER BY 1");
        var partitions = new List<string>();
        await using var session = await DbSession.OpenAsync(_contexts, cancellationToken);
        await using var command = sql.CreateCommand(session.Connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            partitions.Add(reader.GetString(0));
        }

        return partitions;
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> UsedNodesAsync(long timestamp, CancellationToken cancellationToken)
    {
        var sql = new SqlText();
        sql.Append($"SELECT job.cluster, job.resources FROM job WHERE job.job_state = 'running' AND job.start_time < {sql.Param(timestamp)}");
        var nodes = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        await using var session = await DbSession.OpenAsync(_contexts, cancellationToken);
        await using var command = sql.CreateCommand(session.Connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var cluster = reader.GetString(0);
            if (!nodes.TryGetValue(cluster, out var hosts))
            {
                nodes[cluster] = hosts = new SortedSet<string>(StringComparer.Ordinal);
            }

            foreach (var resource in JsonSerializer.Deserialize<List<JobResource>>(reader.GetString(1)) ?? [])
            {
                hosts.Add(resource.Hostname);
            }
        }

        return nodes.ToDictionary(n => n.Key, n => (IReadOnlyList<string>)[.. n.Value], StringComparer.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
        }
    }
}
