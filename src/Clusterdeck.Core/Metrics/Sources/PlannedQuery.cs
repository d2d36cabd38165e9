using Clusterdeck.Core.Metrics.Query;

namespace Clusterdeck.Core.Metrics.Sources;

/// <summary>
/// One protocol query and what its results mean: the scope they are shown at and, for a query that aggregates
/// several ids into one group below node scope (hwthreads into a core, say), the id of that group. Results of a
/// query without aggregation take their ids from <see cref="MetricQuery.TypeIds"/> in order.
/// </summary>
internal sealed record PlannedQuery(MetricQuery Query, string Scope, string? GroupId);
