using Clusterdeck.Core.Jobs.Queries;

namespace Clusterdeck.Core.Nodes;

/// <summary>
/// Tables <c>node</c> (one row per cluster and hostname, with its current state) and <c>node_state</c> (every reported
/// state, the history). Access rules are <see cref="NodeService"/>'s; this only stores and reads.
/// </summary>
public interface INodeStore
{
    /// <summary>
    /// In one transaction: adds the nodes not yet known, makes each write the node's current state, and appends it to
    /// the node's history. Either every write is stored or none is.
    /// </summary>
    Task RecordAsync(string cluster, IReadOnlyList<NodeStateWrite> writes, CancellationToken cancellationToken);

    Task<Node?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>Nodes whose current state matches every filter, in <paramref name="order"/>; all of them when <paramref name="page"/> is null.</summary>
    Task<IReadOnlyList<Node>> QueryAsync(
        IReadOnlyList<NodeFilter> filters, NodeOrder order, PageRequest? page, bool withMetaData, CancellationToken cancellationToken);

    Task<long> CountAsync(IReadOnlyList<NodeFilter> filters, CancellationToken cancellationToken);

    /// <summary>Per state of <paramref name="column"/>, how many nodes are in it now (states without nodes are left out).</summary>
    Task<IReadOnlyList<NodeStateCount>> CountStatesAsync(
        IReadOnlyList<NodeFilter> filters, NodeStateColumn column, CancellationToken cancellationToken);

    /// <summary>Per state of <paramref name="column"/>, how many history rows each update time has in it.</summary>
    Task<IReadOnlyList<NodeStateTimeline>> CountStatesTimedAsync(
        IReadOnlyList<NodeFilter> filters, NodeStateColumn column, CancellationToken cancellationToken);

    /// <summary>The node's history between <paramref name="fromTime"/> and <paramref name="toTime"/> (Unix seconds, inclusive), oldest first.</summary>
    Task<IReadOnlyList<NodeStateRecord>> HistoryAsync(long nodeId, long fromTime, long toTime, CancellationToken cancellationToken);
}
