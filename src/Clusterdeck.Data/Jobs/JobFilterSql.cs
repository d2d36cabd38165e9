using System.Globalization;
using System.Text.RegularExpressions;
using Clusterdeck.Core.Errors;
using Clusterdeck.Core.Jobs;
using Clusterdeck.Core.Jobs.Queries;

namespace Clusterdeck.Data.Jobs;

/// <summary>
/// Turns cc-backend's <see cref="JobFilter"/> list and a caller's <see cref="JobVisibility"/> into a WHERE
/// clause. Values are always parameters; column names come from this class only. Differences from
/// cc-backend, where it has a bug: LIKE wildcards in a search string match literally, contains/startsWith/
/// endsWith ignore case on both engines, ranges are plain inclusive bounds (a <c>to</c> below <c>from</c>
/// leaves the upper end open), and an unknown named time range or schedule is an error, not ignored.
/// </summary>
internal static partial class JobFilterSql
{
    private const int MaxInValues = 10_000;

    public static void AppendWhere(SqlText sql, SqlDialect dialect, IReadOnlyList<JobFilter> filters, JobVisibility visibility, long now)
    {
        var conditions = new List<string>();
        if (!visibility.IsUnrestricted)
        {
            var own = $"job.hpc_user = {sql.Param(visibility.User)}";
            conditions.Add(visibility.Projects.Count == 0 ? own : $"({own} OR job.project IN {sql.ParamList(visibility.Projects)})");
        }

        foreach (var filter in filters)
        {
            AddFilter(conditions, sql, dialect, filter, now);
        }

        if (conditions.Count > 0)
        {
            sql.Append(" WHERE ").Append(string.Join(" AND ", conditions));
        }
    }

    /// <summary>Footprint keys are <c>&lt;metric&gt;_&lt;stat&gt;</c>: letters, digits and underscores.</summary>
    public static string CheckFootprintKey(string key) =>
        FootprintKeyPattern().IsMatch(key) ? key : throw new InvalidInputException($"invalid footprint metric name '{key}'");

    private static void AddFilter(List<string> conditions, SqlText sql, SqlDialect dialect, JobFilter filter, long now)
    {
        if (filter.DbIds is { } ids)
        {
            conditions.Add(ids.Count == 0 ? "1 = 0" : $"job.id IN {sql.ParamList(CheckCount(ids, "dbId"))}");
        }

        if (filter.Tags is { } tags)
        {
            conditions.Add(tags.Count == 0
                ? "1 = 0"
                : $"job.id IN (SELECT jobtag.job_id FROM jobtag WHERE jobtag.tag_id IN {sql.ParamList(CheckCount(tags, "tags"))})");
        }

        AddString(conditions, sql, dialect, "job.cluster", filter.Cluster);
        AddString(conditions, sql, dialect, "job.subcluster", filter.SubCluster);
        AddString(conditions, sql, dialect, "job.cluster_partition", filter.Partition);
        AddString(conditions, sql, dialect, "job.project", filter.Project);
        AddString(conditions, sql, dialect, "job.hpc_user", filter.User);
        AddJobId(conditions, sql, dialect, filter.JobId);
        AddString(conditions, sql, dialect, dialect.JobName, filter.JobName);

        if (filter.State is { } states)
        {
            foreach (var state in states)
            {
                if (!JobStates.IsValid(state))
                {
                    throw new InvalidInputException($"invalid job state '{state}'");
                }
            }

            conditions.Add(states.Count == 0 ? "1 = 0" : states.Count == 1
                ? $"job.job_state = {sql.Param(states[0])}"
                : $"job.job_state IN {sql.ParamList(states)}");
        }

        if (filter.Shared is { } shared)
        {
            conditions.Add($"job.shared = {sql.Param(shared)}");
        }

        if (filter.ArrayJobId is { } arrayJobId)
        {
            conditions.Add($"job.array_job_id = {sql.Param(arrayJobId)}");
        }

        AddRange(conditions, sql, "job.num_nodes", filter.NumNodes);
        AddRange(conditions, sql, "job.num_acc", filter.NumAccelerators);
        AddRange(conditions, sql, "job.num_hwthreads", filter.NumHWThreads);
        AddRange(conditions, sql, "job.duration", filter.Duration);
        if (filter.Energy is { } energy)
        {
            AddBounds(conditions, sql, "job.energy", energy.From, energy.To < energy.From ? null : energy.To);
        }

        if (filter.StartTime is { } startTime)
        {
            AddTime(conditions, sql, startTime, now);
        }

        foreach (var metric in filter.MetricStats ?? [])
        {
            var key = sql.Param(dialect.FootprintKey(CheckFootprintKey(metric.MetricName)));
            var range = metric.Range;
            AddBounds(conditions, sql, dialect.FootprintNumber(key), range.From, range.To < range.From ? null : range.To);
        }

        if (filter.Node is { } node)
        {
            var condition = StringCondition(sql, dialect, "{0}", node);
            if (condition is not null)
            {
                conditions.Add(dialect.AnyHostname(condition));
            }
        }

        if (filter.Schedule is { Length: > 0 } schedule)
        {
            conditions.Add(schedule switch
            {
                // cc-backend: an interactive job is one whose job name is "interactive"; every other job is batch.
                "interactive" => $"{dialect.JobName} = 'interactive'",
                "batch" => $"({dialect.JobName} IS NULL OR {dialect.JobName} <> 'interactive')",
                "core" => $"(job.num_nodes = 1 AND job.shared <> 'none')",
                "node" => "job.shared = 'none'",
                _ => throw new InvalidInputException($"invalid schedule '{schedule}': use interactive, batch, core or node"),
            });
        }
    }

    private static IReadOnlyList<T> CheckCount<T>(IReadOnlyList<T> values, string field) =>
        values.Count <= MaxInValues ? values : throw new InvalidInputException($"too many values for {field} (at most {MaxInValues})");

    private static void AddJobId(List<string> conditions, SqlText sql, SqlDialect dialect, StringInput? input)
    {
        if (input is null)
        {
            return;
        }

        // job_id is a number: equality works on the number, text searches on its decimal text.
        if (input.Eq is { } eq)
        {
            conditions.Add($"job.job_id = {sql.Param(ParseJobId(eq))}");
        }
        else if (input.Neq is { } neq)
        {
            conditions.Add($"job.job_id <> {sql.Param(ParseJobId(neq))}");
        }
        else if (input.Contains is null && input.StartsWith is null && input.EndsWith is null && input.In is { } values)
        {
            conditions.Add(values.Count == 0 ? "1 = 0" : $"job.job_id IN {sql.ParamList(CheckCount(values, "jobId").Select(ParseJobId))}");
        }
        else
        {
            AddString(conditions, sql, dialect, "CAST(job.job_id AS TEXT)", input);
        }
    }

    private static long ParseJobId(string value) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new InvalidInputException($"invalid jobId '{value}': must be an integer");

    private static void AddString(List<string> conditions, SqlText sql, SqlDialect dialect, string column, StringInput? input)
    {
        if (input is not null && StringCondition(sql, dialect, column, input) is { } condition)
        {
            conditions.Add(condition);
        }
    }

    /// <summary>The first set operator wins, in cc-backend's order: eq, neq, startsWith, endsWith, contains, in.</summary>
    public static string? StringCondition(SqlText sql, SqlDialect dialect, string column, StringInput input)
    {
        if (input.Eq is { } eq)
        {
            return $"{column} = {sql.Param(eq)}";
        }

        if (input.Neq is { } neq)
        {
            return $"{column} <> {sql.Param(neq)}";
        }

        if (input.StartsWith is { } prefix)
        {
            return dialect.Like(column, sql.Param(EscapeLike(prefix) + "%"));
        }

        if (input.EndsWith is { } suffix)
        {
            return dialect.Like(column, sql.Param("%" + EscapeLike(suffix)));
        }

        if (input.Contains is { } part)
        {
            return dialect.Like(column, sql.Param("%" + EscapeLike(part) + "%"));
        }

        if (input.In is { } values)
        {
            return values.Count == 0 ? "1 = 0" : $"{column} IN {sql.ParamList(CheckCount(values, "in"))}";
        }

        return null;
    }

    public static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);

    private static void AddRange(List<string> conditions, SqlText sql, string column, IntRange? range)
    {
        if (range is not null)
        {
            AddBounds(conditions, sql, column, range.From, range.To < range.From ? null : range.To);
        }
    }

    private static void AddBounds<T>(List<string> conditions, SqlText sql, string expression, T from, T? to) where T : struct
    {
        conditions.Add(to is { } upper
            ? $"{expression} BETWEEN {sql.Param(from)} AND {sql.Param(upper)}"
            : $"{expression} >= {sql.Param(from)}");
    }

    private static void AddTime(List<string> conditions, SqlText sql, TimeRange range, long now)
    {
        if (range.From is { } from)
        {
            conditions.Add($"job.start_time >= {sql.Param(from)}");
        }

        if (range.To is { } to)
        {
            conditions.Add($"job.start_time <= {sql.Param(to)}");
        }

        if (range.From is null && range.To is null && !string.IsNullOrEmpty(range.Range))
        {
            var seconds = range.Range switch
            {
                "last6h" => 6 * 3600,
                "last24h" => 24 * 3600,
                "last7d" => 7 * 24 * 3600,
                "last30d" => 30 * 24 * 3600,
                _ => throw new InvalidInputException($"invalid startTime range '{range.Range}': use last6h, last24h, last7d or last30d"),
            };
            conditions.Add($"job.start_time >= {sql.Param(now - seconds)}");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_]{1,128}$")]
    private static partial Regex FootprintKeyPattern();
}
