using Clusterdeck.Core.Archive;
using Clusterdeck.Core.Metrics.Query;

namespace Clusterdeck.Core.Metrics.Store;

/// <summary>
/// Answers cc-metric-store's query protocol from the store, with the semantics of its <c>handleQuery</c> and
/// <c>MemoryStore.Read</c>: selection of levels, aggregation below a host, LTTB downsampling, statistics, scaling,
/// padding. Where cc-metric-store fails on series that do not line up, this aligns them by time instead.
/// </summary>
internal sealed class MetricQueryEngine(MetricStore store)
{
    private const string NotFound = "metric or host not found";

    public MetricQueryResponse Run(MetricQueryRequest request, CancellationToken cancellationToken)
    {
        var queries = request.Queries.ToList();
        List<MetricQuery>? generated = null;
        if (request.ForAllNodes is { } metrics)
        {
            generated = [];
            foreach (var host in store.Hosts(request.Cluster))
            {
                foreach (var metric in metrics)
                {
                    generated.Add(new MetricQuery { Metric = metric, Host = host });
                }
            }

            queries.AddRange(generated);
        }

        var cluster = store.FindCluster(request.Cluster);
        var results = new List<IReadOnlyList<MetricQueryResult>>(queries.Count);
        foreach (var query in queries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            results.Add(Answer(cluster, request, query));
        }

        return new MetricQueryResponse { Queries = generated, Results = results };
    }

    private static List<MetricQueryResult> Answer(ClusterEntry? cluster, MetricQueryRequest request, MetricQuery query)
    {
        var info = cluster?.Find(query.Metric);
        var type = query.Type is null or MetricScopes.Node ? null : query.Type;
        var root = cluster is not null && cluster.Hosts.TryGetValue(query.Host, out var host)
            ? host.Metrics.GetValueOrDefault(query.Metric)
            : null;

        // One selection per result: aggregated (or node level) gives one, otherwise one per type id (and subtype id).
        var selections = new List<List<StoredSeries>>();
        if (query.Aggregate || type is null)
        {
            var series = new List<StoredSeries>();
            if (root is not null)
            {
                if (type is null)
                {
                    Collect(root, series);
                }
                else
                {
                    foreach (var id in query.TypeIds ?? [])
                    {
                        if (root.Children?.GetValueOrDefault(type + id) is not { } node)
                        {
                            continue;
                        }

                        if (query.SubType is null)
                        {
                            Collect(node, series);
                            continue;
                        }

                        foreach (var subId in query.SubTypeIds ?? [])
                        {
                            if (node.Children?.GetValueOrDefault(query.SubType + subId) is { } subNode)
                            {
                                Collect(subNode, series);
                            }
                        }
                    }
                }
            }

            selections.Add(series);
        }
        else
        {
            foreach (var id in query.TypeIds ?? [])
            {
                var node = root?.Children?.GetValueOrDefault(type + id);
                if (query.SubType is null)
                {
                    selections.Add(node is null ? [] : Collected(node));
                    continue;
                }

                foreach (var subId in query.SubTypeIds ?? [])
                {
                    var subNode = node?.Children?.GetValueOrDefault(query.SubType + subId);
                    selections.Add(subNode is null ? [] : Collected(subNode));
                }
            }
        }

        var results = new List<MetricQueryResult>(selections.Count);
        foreach (var selection in selections)
        {
            results.Add(
                cluster is null ? new MetricQueryResult { Error = NotFound }
                : info is null ? new MetricQueryResult { Error = $"unknown metric: {query.Metric}" }
                : Read(selection, info, request, query));
        }

        return results;
    }

    private static List<StoredSeries> Collected(ScopeNode node)
    {
        var series = new List<StoredSeries>();
        Collect(node, series);
        return series;
    }

    /// <summary>cc-metric-store's <c>findBuffers</c> at the end of a selector: a level's own series, else those of every child.</summary>
    private static void Collect(ScopeNode node, List<StoredSeries> into)
    {
        if (node.Series is { } own && !own.View().IsEmpty)
        {
            into.Add(own);
            return;
        }

        if (node.Children is { } children)
        {
            foreach (var child in children.Values)
            {
                Collect(child, into);
            }
        }
    }

    private static MetricQueryResult Read(List<StoredSeries> selection, MetricInfo info, MetricQueryRequest request, MetricQuery query)
    {
        if (request.From > request.To)
        {
            return new MetricQueryResult { Error = "invalid time range" };
        }

        if (selection.Count == 0)
        {
            return new MetricQueryResult { Error = NotFound };
        }

        var step = (long)info.Timestep;
        var resolution = query.Resolution <= step ? step : query.Resolution;
        if (resolution % step != 0)
        {
            return new MetricQueryResult { Error = $"new sampling frequency : {resolution} should be multiple of the old frequency : {step}" };
        }

        // Each series is read from max(from, its first sample) while t < to and its data lasts (cc-metric-store's
        // buffer.read); together they cover the earliest start to the earliest end.
        var views = new SeriesView[selection.Count];
        long from = long.MaxValue, to = long.MaxValue;
        for (var i = 0; i < selection.Count; i++)
        {
            var view = views[i] = selection[i].View();
            if (view.IsEmpty)
            {
                // Freed since it was selected: it adds nothing but gaps.
                continue;
            }

            var start = Math.Max(request.From, view.TimeOf(view.FirstSlot));
            var end = start;
            while (end < request.To && view.SlotOf(end) <= view.LastSlot)
            {
                end += step;
            }

            from = Math.Min(from, start);
            to = Math.Min(to, end);
        }

        if (from == long.MaxValue)
        {
            return new MetricQueryResult { Error = NotFound };
        }

        var length = to > from ? (int)((to - from) / step) : 0;
        to = from + (length * step);
        var sums = new double[length];
        foreach (var view in views)
        {
            for (var k = 0; k < length; k++)
            {
                sums[k] += view.ValueAt(view.SlotOf(from + (k * step)));
            }
        }

        var scale = selection.Count > 1 && info.Average ? 1.0 / selection.Count : 1.0;
        var data = new float[length];
        for (var k = 0; k < length; k++)
        {
            data[k] = (float)(sums[k] * scale);
        }

        var downsampled = Lttb.Downsample(data, (int)step, (int)resolution, Lttb.MetricStoreMinimumPoints);
        data = downsampled.Data;
        resolution = downsampled.Timestep;

        double? avg = null, min = null, max = null;
        if (request.WithStats && SeriesStatistics.Of(data) is { } statistics)
        {
            (avg, min, max) = (statistics.Avg, statistics.Min, statistics.Max);
        }

        var factor = query.ScaleBy;
        if (factor != 0 && factor != 1)
        {
            for (var k = 0; k < data.Length; k++)
            {
                data[k] = (float)(data[k] * factor);
            }

            avg *= factor;
            min *= factor;
            max *= factor;
        }

        if (request.WithPadding)
        {
            // cc-metric-store pads by whole steps between the requested and the actual start.
            var pad = (from / resolution) - (request.From / resolution);
            if (pad > 0)
            {
                var padded = new float[data.Length + pad];
                padded.AsSpan(0, (int)pad).Fill(float.NaN);
                data.CopyTo(padded, (int)pad);
                data = padded;
                from -= pad * resolution;
            }
        }

        return new MetricQueryResult
        {
            Data = request.WithData ? data : null,
            From = from,
            To = to,
            Resolution = resolution,
            Avg = avg,
            Min = min,
            Max = max,
        };
    }
}
