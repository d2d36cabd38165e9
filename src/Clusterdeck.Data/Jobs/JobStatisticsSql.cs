using System.Data.Common;
using System.Globalization;
using Clusterdeck.Core.Errors;
using Clusterdeck.Core.Jobs.Queries;

namespace Clusterdeck.Data.Jobs;

/// <summary>
/// cc-backend's job statistics (internal/repository/stats.go) in one aggregate query per request instead of
/// three: counts, running and short jobs, walltime and node/core/accelerator hours (sums of seconds divided
/// by 3600, rounded down), with a running job's duration taken as now minus its start. Histograms group the
/// same rows by value; the duration histogram has cc-backend's fixed, zero-filled bins.
/// </summary>
internal sealed class JobStatisticsSql(DbConnection connection, SqlDialect dialect, long now)
{
    private static readonly Dictionary<string, string> SortColumns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["TOTALJOBS"] = "total_jobs",
        ["TOTALUSERS"] = "total_users",
        ["TOTALWALLTIME"] = "walltime",
        ["TOTALNODES"] = "nodes",
        ["TOTALNODEHOURS"] = "node_seconds",
        ["TOTALCORES"] = "cores",
        ["TOTALCOREHOURS"] = "core_seconds",
        ["TOTALACCS"] = "accs",
        ["TOTALACCHOURS"] = "acc_seconds",
    };

    public async Task<IReadOnlyList<JobGroupStatistics>> RunAsync(JobStatisticsQuery query, JobVisibility visibility, CancellationToken cancellationToken)
    {
        var group = query.GroupBy switch
        {
            null => null,
            StatisticsGrouping.User => "job.hpc_user",
            StatisticsGrouping.Project => "job.project",
            StatisticsGrouping.Cluster => "job.cluster",
            StatisticsGrouping.SubCluster => "job.subcluster",
            _ => throw new InvalidInputException($"invalid grouping '{query.GroupBy}'"),
        };
        string? sortColumn = null;
        if (query.SortBy is { Length: > 0 } sortBy && !SortColumns.TryGetValue(sortBy, out sortColumn))
        {
            throw new InvalidInputException($"invalid sortBy '{sortBy}': use one of {string.Join(", ", SortColumns.Keys)}");
        }

        if (query.Page is { } page && (page.ItemsPerPage < -1 || page.Page < 1))
        {
            throw new InvalidInputException("invalid page: itemsPerPage must be -1 or more and page 1 or more");
        }

        var (binSize, binCount) = DurationBins(query.DurationBins);

        var sql = new SqlText();
        var duration = Duration(sql);
        var key = group ?? "''";
        sql.Append($"""
            SELECT s.*{(query.GroupBy == StatisticsGrouping.User ? ", users.name" : ", NULL")} FROM (
              SELECT {key} AS id,
                COUNT(*) AS total_jobs,
                COUNT(DISTINCT job.hpc_user) AS total_users,
                CAST(SUM(CASE WHEN job.job_state = 'running' THEN 1 ELSE 0 END) AS BIGINT) AS running,
                CAST(SUM(CASE WHEN {duration} < {sql.Param(query.ShortJobSeconds)} THEN 1 ELSE 0 END) AS BIGINT) AS short,
                CAST(SUM({duration}) AS BIGINT) AS walltime,
                CAST(SUM(job.num_nodes) AS BIGINT) AS nodes,
                CAST(SUM({duration} * job.num_nodes) AS BIGINT) AS node_seconds,
                CAST(SUM(COALESCE(job.num_hwthreads, 0)) AS BIGINT) AS cores,
                CAST(SUM({duration} * COALESCE(job.num_hwthreads, 0)) AS BIGINT) AS core_seconds,
                CAST(SUM(COALESCE(job.num_acc, 0)) AS BIGINT) AS accs,
                CAST(SUM({duration} * COALESCE(job.num_acc, 0)) AS BIGINT) AS acc_seconds
              FROM job
            """);
        JobFilterSql.AppendWhere(sql, dialect, query.Filters, visibility, now);
        if (group is not null)
        {
            sql.Append($" GROUP BY {group}");
        }

        sql.Append(") s");
        if (query.GroupBy == StatisticsGrouping.User)
        {
            sql.Append(" LEFT JOIN users ON users.username = s.id");
        }

        sql.Append(sortColumn is null ? " ORDER BY s.id" : $" ORDER BY s.{sortColumn} DESC, s.id");
        if (query.Page is { ItemsPerPage: >= 0 } paging && group is not null)
        {
            sql.Append($" LIMIT {sql.Param(paging.ItemsPerPage)} OFFSET {sql.Param(paging.Offset)}");
        }

        var rows = new List<JobGroupStatistics>();
        await using (var command = sql.CreateCommand(connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var totalJobs = Long(reader, 1);
                if (group is null && totalJobs == 0)
                {
                    // An ungrouped aggregate over no rows still yields one row of zeros.
                    rows.Add(new JobGroupStatistics());
                    continue;
                }

                rows.Add(new JobGroupStatistics
                {
                    Id = reader.IsDBNull(0) ? "" : Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture) ?? "",
                    Name = reader.IsDBNull(12) ? "" : reader.GetString(12),
                    TotalJobs = totalJobs,
                    // As cc-backend: grouped by user, each group is one user and the count is left out.
                    TotalUsers = query.GroupBy == StatisticsGrouping.User ? 0 : Long(reader, 2),
                    RunningJobs = Long(reader, 3),
                    ShortJobs = Long(reader, 4),
                    TotalWalltime = Long(reader, 5) / 3600,
                    TotalNodes = Long(reader, 6),
                    TotalNodeHours = Long(reader, 7) / 3600,
                    TotalCores = Long(reader, 8),
                    TotalCoreHours = Long(reader, 9) / 3600,
                    TotalAccs = Long(reader, 10),
                    TotalAccHours = Long(reader, 11) / 3600,
                });
            }
        }

        if (query.WithHistograms && rows.Count > 0)
        {
            var ids = rows.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            var durations = await HistogramAsync(query, visibility, group, sql => $"({Duration(sql)} / {sql.Param(binSize)}) + 1", ids, cancellationToken);
            var nodes = await HistogramAsync(query, visibility, group, _ => "job.num_nodes", ids, cancellationToken);
            var cores = await HistogramAsync(query, visibility, group, _ => "COALESCE(job.num_hwthreads, 0)", ids, cancellationToken);
            var accs = await HistogramAsync(query, visibility, group, _ => "COALESCE(job.num_acc, 0)", ids, cancellationToken);
            for (var i = 0; i < rows.Count; i++)
            {
                var id = rows[i].Id;
                rows[i] = rows[i] with
                {
                    HistDuration = DurationPoints(durations.GetValueOrDefault(id), binSize, binCount),
                    HistNumNodes = Points(nodes.GetValueOrDefault(id)),
                    HistNumCores = Points(cores.GetValueOrDefault(id)),
                    HistNumAccs = Points(accs.GetValueOrDefault(id)),
                };
            }
        }

        return rows;
    }

    /// <summary>cc-backend's numDurationBins: bin width in seconds and number of bins (its default is 24 one-hour bins).</summary>
    private static (int Size, int Count) DurationBins(string? name) => name switch
    {
        "1m" => (60, 60),
        "10m" => (600, 72),
        "1h" => (3600, 48),
        "6h" => (21600, 12),
        "12h" => (43200, 14),
        null or "" or "24h" => (3600, 24),
        _ => throw new InvalidInputException($"invalid numDurationBins '{name}': use 1m, 10m, 1h, 6h, 12h or 24h"),
    };

    /// <summary>A running job counts with the time since its start, as everywhere in cc-backend's statistics.</summary>
    private string Duration(SqlText sql) => $"(CASE WHEN job.job_state = 'running' THEN {sql.Param(now)} - job.start_time ELSE job.duration END)";

    private async Task<Dictionary<string, SortedDictionary<long, long>>> HistogramAsync(
        JobStatisticsQuery query, JobVisibility visibility, string? group, Func<SqlText, string> value, HashSet<string> ids, CancellationToken cancellationToken)
    {
        var sql = new SqlText();
        sql.Append($"SELECT {group ?? "''"} AS id, {value(sql)} AS value, COUNT(*) AS count FROM job");
        JobFilterSql.AppendWhere(sql, dialect, query.Filters, visibility, now);
        sql.Append(group is null ? " GROUP BY 2" : " GROUP BY 1, 2");

        var result = new Dictionary<string, SortedDictionary<long, long>>(StringComparer.Ordinal);
        await using var command = sql.CreateCommand(connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.IsDBNull(0) ? "" : Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture) ?? "";
            if (!ids.Contains(id))
            {
                continue;
            }

            if (!result.TryGetValue(id, out var points))
            {
                result[id] = points = [];
            }

            points[Long(reader, 1)] = Long(reader, 2);
        }

        return result;
    }

    private static HistogramPoint[] Points(SortedDictionary<long, long>? counts) =>
        counts is null ? [] : [.. counts.Select(c => new HistogramPoint(c.Key, c.Value))];

    private static HistogramPoint[] DurationPoints(SortedDictionary<long, long>? counts, int binSize, int binCount) =>
        [.. Enumerable.Range(1, binCount).Select(bin => new HistogramPoint((long)bin * binSize, counts?.GetValueOrDefault(bin) ?? 0))];

    private static long Long(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? 0 : Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);
}
