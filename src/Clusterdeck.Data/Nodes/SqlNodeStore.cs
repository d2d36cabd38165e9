using Clusterdeck.Core.Jobs.Queries;
using Clusterdeck.Core.Nodes;
using Clusterdeck.Core.Storage;
using Clusterdeck.Data.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Clusterdeck.Data.Nodes;

/// <summary>
/// The node tables in hand-written SQL that both SQLite and PostgreSQL accept. An update is one transaction of
/// multi-row statements: an upsert of the nodes (their current state) returning their ids, then the history rows.
/// </summary>
internal sealed class SqlNodeStore(IDbContextFactory<ClusterdeckDbContext> contexts, IOptions<DatabaseOptions> options) : INodeStore
{
    /// <summary>Rows per statement: 11 parameters each stays far below SQLite's 32,766 and PostgreSQL's 65,535.</summary>
    private const int RowsPerStatement = 500;

    private static readonly string StateColumnList = string.Join(", ", NodeSql.StateColumns);

    private static readonly string UpsertTail =
        " ON CONFLICT (cluster, hostname) DO UPDATE SET subcluster = excluded.subcluster, "
        + string.Join(", ", NodeSql.StateColumns.Select(c => $"{c} = excluded.{c}"))
        + " RETURNING id, hostname";

    private readonly SqlDialect _dialect = options.Value.Provider == DatabaseProvider.Postgres ? SqlDialect.Postgres : SqlDialect.Sqlite;

    public async Task RecordAsync(string cluster, IReadOnlyList<NodeStateWrite> writes, CancellationToken cancellationToken)
    {
        await using var session = await DbSession.OpenAsync(contexts, cancellationToken);
        // Atomic: a failure anywhere leaves neither current states nor history half written.
        await using var transaction = await session.Connection.BeginTransactionAsync(cancellationToken);
        foreach (var chunk in writes.Chunk(RowsPerStatement))
        {
            var upsert = new SqlText();
            upsert.Append($"INSERT INTO node (cluster, hostname, subcluster, {StateColumnList}) VALUES ");
            upsert.Append(string.Join(", ", chunk.Select(w =>
                $"({upsert.Param(cluster)}, {upsert.Param(w.Hostname)}, {upsert.Param(w.SubCluster)}, {string.Join(", ", NodeSql.StateParams(upsert, w.State))})")));
            upsert.Append(UpsertTail);

            var ids = new Dictionary<string, long>(chunk.Length, StringComparer.Ordinal);
            await using (var command = upsert.CreateCommand(session.Connection, transaction))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    ids[reader.GetString(1)] = reader.GetInt64(0);
                }
            }

            var history = new SqlText();
            history.Append($"INSERT INTO node_state (node_id, {StateColumnList}) VALUES ");
            history.Append(string.Join(", ", chunk.Select(w =>
                $"({history.Param(ids[w.Hostname])}, {string.Join(", ", NodeSql.StateParams(history, w.State))})")));
            await using (var command = history.CreateCommand(session.Connection, transaction))
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<Node?> GetAsync(long id, CancellationToken cancellationToken)
    {
        var sql = new SqlText();
        sql.Append($"SELECT {NodeSql.NodeSelectList}, node.meta_data FROM node WHERE node.id = {sql.Param(id)}");
        return (await ReadNodesAsync(sql, withMetaData: true, cancellationToken)).FirstOrDefault();
    }

    public async Task<IReadOnlyList<Node>> QueryAsync(
        IReadOnlyList<NodeFilter> filters, NodeOrder order, PageRequest? page, bool withMetaData, CancellationToken cancellationToken)
    {
        var sql = new SqlText();
        sql.Append($"SELECT {NodeSql.NodeSelectList}{(withMetaData ? ", node.meta_data" : "")} FROM node");
        NodeSql.AppendWhere(sql, _dialect, filters, "node");
        sql.Append(NodeSql.OrderBy(order));
        if (page is { ItemsPerPage: >= 0 })
        {
            sql.Append($" LIMIT {sql.Param(page.ItemsPerPage)} OFFSET {sql.Param(page.Offset)}");
        }

        return await ReadNodesAsync(sql, withMetaData, cancellationToken);
    }

    public async Task<long> CountAsync(IReadOnlyList<NodeFilter> filters, CancellationToken cancellationToken)
    {
        var sql = new SqlText().Append("SELECT COUNT(*) FROM node");
        NodeSql.AppendWhere(sql, _dialect, filters, "node");
        await using var session = await DbSession.OpenAsync(contexts, cancellationToken);
        await using var command = sql.CreateCommand(session.Connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<IReadOnlyList<NodeStateCount>> CountStatesAsync(
        IReadOnlyList<NodeFilter> filters, NodeStateColumn column, CancellationToken cancellationToken)
    {
        var state = "node." + NodeSql.StateColumn(column);
        var sql = new SqlText().Append($"SELECT {state}, COUNT(*) FROM node");
        NodeSql.AppendWhere(sql, _dialect, filters, "node");
        sql.Append($" GROUP BY {state} ORDER BY {state}");
        await using var session = await DbSession.OpenAsync(contexts, cancellationToken);
        await using var command = sql.CreateCommand(session.Connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new List<NodeStateCount>();
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add(new NodeStateCount(reader.GetString(0), reader.GetInt64(1)));
        }

        return counts;
    }

    public async Task<IReadOnlyList<NodeStateTimeline>> CountStatesTimedAsync(
        IReadOnlyList<NodeFilter> filters, NodeStateColumn column, CancellationToken cancellationToken)
    {
        var state = "node_state." + NodeSql.StateColumn(column);
        var sql = new SqlText().Append($"SELECT {state}, node_state.time_stamp, COUNT(*) FROM node_state JOIN node ON node.id = node_state.node_id");
        NodeSql.AppendWhere(sql, _dialect, filters, "node_state");
        sql.Append($" GROUP BY {state}, node_state.time_stamp ORDER BY node_state.time_stamp, {state}");
        await using var session = await DbSession.OpenAsync(contexts, cancellationToken);
        await using var command = sql.CreateCommand(session.Connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var timelines = new Dictionary<string, (List<long> Counts, List<long> Times)>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var name = reader.GetString(0);
            if (!timelines.TryGetValue(name, out var timeline))
            {
                timelines[name] = timeline = ([], []);
            }

            timeline.Times.Add(reader.GetInt64(1));
            timeline.Counts.Add(reader.GetInt64(2));
        }

        return [.. timelines.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new NodeStateTimeline(t.Key, t.Value.Counts, t.Value.Times))];
    }

    public async Task<IReadOnlyList<NodeStateRecord>> HistoryAsync(long nodeId, long fromTime, long toTime, CancellationToken cancellationToken)
    {
        var sql = new SqlText();
        sql.Append($"SELECT {StateColumnList} FROM node_state WHERE node_id = {sql.Param(nodeId)} AND time_stamp >= {sql.Param(fromTime)} AND time_stamp <= {sql.Param(toTime)} ORDER BY time_stamp, id");
        await using var session = await DbSession.OpenAsync(contexts, cancellationToken);
        await using var command = sql.CreateCommand(session.Connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var states = new List<NodeStateRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            states.Add(NodeSql.ReadState(reader, 0));
        }

        return states;
    }

    private async Task<List<Node>> ReadNodesAsync(SqlText sql, bool withMetaData, CancellationToken cancellationToken)
    {
        await using var session = await DbSession.OpenAsync(contexts, cancellationToken);
        await using var command = sql.CreateCommand(session.Connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var nodes = new List<Node>();
        while (await reader.ReadAsync(cancellationToken))
        {
            nodes.Add(NodeSql.ReadNode(reader, withMetaData));
        }

        return nodes;
    }
}
