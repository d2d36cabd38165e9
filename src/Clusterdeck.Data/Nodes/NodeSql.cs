using System.Data.Common;
using System.Text.Json;
using Clusterdeck.Core.Errors;
using Clusterdeck.Core.Nodes;
using Clusterdeck.Data.Jobs;

namespace Clusterdeck.Data.Nodes;

/// <summary>The SQL pieces of the node tables: column lists, filter conditions, order, and reading rows.</summary>
internal static class NodeSql
{
    /// <summary>The state columns, shared by <c>node</c> (current state) and <c>node_state</c> (history), in this order.</summary>
    public static readonly string[] StateColumns =
        ["time_stamp", "node_state", "health_state", "health_metrics", "cpus_allocated", "memory_allocated", "gpus_allocated", "jobs_running"];

    public static readonly string NodeSelectList =
        "node.id, node.hostname, node.cluster, node.subcluster, " + string.Join(", ", StateColumns.Select(c => "node." + c));

    /// <summary>The filters, ANDed, as a WHERE clause (empty when there is none). State conditions and the time bound
    /// apply to <paramref name="stateTable"/>: <c>node</c> for current states, <c>node_state</c> for the history.</summary>
    public static void AppendWhere(SqlText sql, SqlDialect dialect, IReadOnlyList<NodeFilter> filters, string stateTable)
    {
        var conditions = new List<string>();
        foreach (var filter in filters)
        {
            AddString(conditions, sql, dialect, "node.hostname", filter.Hostname);
            AddString(conditions, sql, dialect, "node.cluster", filter.Cluster);
            AddString(conditions, sql, dialect, "node.subcluster", filter.SubCluster);
            if (filter.SchedulerState is { } state)
            {
                conditions.Add($"{stateTable}.node_state = {sql.Param(state)}");
            }

            if (filter.HealthState is { } health)
            {
                conditions.Add($"{stateTable}.health_state = {sql.Param(health)}");
            }

            if (filter.TimeStart is { } start)
            {
                conditions.Add($"{stateTable}.time_stamp > {sql.Param(start)}");
            }
        }

        if (conditions.Count > 0)
        {
            sql.Append(" WHERE ").Append(string.Join(" AND ", conditions));
        }
    }

    public static string StateColumn(NodeStateColumn column) => column == NodeStateColumn.Health ? "health_state" : "node_state";

    /// <summary>The ORDER BY expression of a <see cref="NodeOrder"/> field; hostname and cluster break ties.</summary>
    public static string OrderBy(NodeOrder order)
    {
        var column = order.Field switch
        {
            "hostname" => "node.hostname",
            "cluster" => "node.cluster",
            "subCluster" => "node.subcluster",
            "schedulerState" => "node.node_state",
            "healthState" => "node.health_state",
            "jobsRunning" => "node.jobs_running",
            "cpusAllocated" => "node.cpus_allocated",
            "memoryAllocated" => "node.memory_allocated",
            "gpusAllocated" => "node.gpus_allocated",
            "timeStamp" => "node.time_stamp",
            _ => throw new InvalidInputException($"nodes cannot be ordered by '{order.Field}'"),
        };
        var direction = order.Descending ? "DESC" : "ASC";
        return $" ORDER BY {column} {direction}, node.hostname {direction}, node.cluster {direction}";
    }

    /// <summary>A node row read with <see cref="NodeSelectList"/> (and <c>node.meta_data</c> after it when <paramref name="withMetaData"/>).</summary>
    public static Node ReadNode(DbDataReader reader, bool withMetaData) => new()
    {
        Id = reader.GetInt64(0),
        Hostname = reader.GetString(1),
        Cluster = reader.GetString(2),
        SubCluster = reader.GetString(3),
        State = ReadState(reader, 4),
        MetaData = withMetaData && !reader.IsDBNull(12) ? ParseMetaData(reader.GetString(12)) : null,
    };

    /// <summary>The <see cref="StateColumns"/> starting at <paramref name="first"/>.</summary>
    public static NodeStateRecord ReadState(DbDataReader reader, int first) => new()
    {
        TimeStamp = reader.GetInt64(first),
        SchedulerState = reader.GetString(first + 1),
        HealthState = reader.GetString(first + 2),
        HealthMetrics = reader.IsDBNull(first + 3) ? null : reader.GetString(first + 3),
        CpusAllocated = reader.GetInt32(first + 4),
        MemoryAllocated = reader.GetInt64(first + 5),
        GpusAllocated = reader.GetInt32(first + 6),
        JobsRunning = reader.GetInt32(first + 7),
    };

    /// <summary>The values of <see cref="StateColumns"/> for one state, as parameters.</summary>
    public static IEnumerable<string> StateParams(SqlText sql, NodeStateRecord state) =>
    [
        sql.Param(state.TimeStamp), sql.Param(state.SchedulerState), sql.Param(state.HealthState), sql.Param(state.HealthMetrics),
        sql.Param(state.CpusAllocated), sql.Param(state.MemoryAllocated), sql.Param(state.GpusAllocated), sql.Param(state.JobsRunning),
    ];

    /// <summary>cc-backend's node metadata is a JSON object of strings; anything else is shown as absent rather than failing the list.</summary>
    private static Dictionary<string, string>? ParseMetaData(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void AddString(List<string> conditions, SqlText sql, SqlDialect dialect, string column, Core.Jobs.Queries.StringInput? input)
    {
        if (input is not null && JobFilterSql.StringCondition(sql, dialect, column, input) is { } condition)
        {
            conditions.Add(condition);
        }
    }
}
