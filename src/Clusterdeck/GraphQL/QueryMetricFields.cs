using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Errors;
using Clusterdeck.Core.Metrics.JobMetrics;
using Clusterdeck.Core.Metrics.NodeMetrics;
using Clusterdeck.GraphQL.Inputs;
using Clusterdeck.GraphQL.Scalars;
using Clusterdeck.GraphQL.Types;
using GraphQL;
using GraphQL.Types;

namespace Clusterdeck.GraphQL;

/// <summary>
/// cc-backend's metric queries on <c>Query</c>: globalMetrics, jobMetrics, jobStats, scopedJobStats, nodeMetrics and
/// nodeMetricsList, with its argument names and order. Job fields see what <c>job</c> sees; node fields are for
/// administrators and support staff, as in cc-backend.
/// </summary>
internal static class QueryMetricFields
{
    public static void AddMetricFields(this QueryGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<GlobalMetricListItemGraphType>>>>("globalMetrics")
            .Resolve(c => GlobalMetricList.Build(c.Service<IClusterCatalog>(), restrictedCaller: !AccessRules.SeesRestrictedMetrics(c.Caller())));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<JobMetricWithNameGraphType>>>>("jobMetrics")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("metrics")
            .Argument<ListGraphType<NonNullGraphType<MetricScopeGraphType>>>("scopes")
            .Argument<GoIntGraphType>("resolution")
            .ResolveAsync(async c => await JobMetricsAsync(c));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<NamedStatsGraphType>>>>("jobStats")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("metrics")
            .ResolveAsync(async c => await JobStatsAsync(c));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<NamedStatsWithScopeGraphType>>>>("scopedJobStats")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("metrics")
            .Argument<ListGraphType<NonNullGraphType<MetricScopeGraphType>>>("scopes")
            .ResolveAsync(async c => await ScopedJobStatsAsync(c));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeMetricsGraphType>>>>("nodeMetrics")
            .Argument<NonNullGraphType<StringGraphType>>("cluster")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("nodes")
            .Argument<ListGraphType<NonNullGraphType<MetricScopeGraphType>>>("scopes")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("metrics")
            .Argument<NonNullGraphType<TimeGraphType>>("from")
            .Argument<NonNullGraphType<TimeGraphType>>("to")
            .ResolveAsync(async c => await NodeMetricsAsync(c));
        query.Field<NonNullGraphType<NodesResultListGraphType>>("nodeMetricsList")
            .Argument<NonNullGraphType<StringGraphType>>("cluster")
            .Argument<NonNullGraphType<StringGraphType>>("subCluster")
            .Argument<NonNullGraphType<StringGraphType>>("stateFilter")
            .Argument<NonNullGraphType<StringGraphType>>("nodeFilter")
            .Argument<ListGraphType<NonNullGraphType<MetricScopeGraphType>>>("scopes")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("metrics")
            .Argument<NonNullGraphType<TimeGraphType>>("from")
            .Argument<NonNullGraphType<TimeGraphType>>("to")
            .Argument<PageRequestGraphType>("page")
            .Argument<GoIntGraphType>("resolution")
            .ResolveAsync(async c => await NodeMetricsListAsync(c));
    }

    private static async Task<List<JobMetricWithName>> JobMetricsAsync(IResolveFieldContext context)
    {
        var service = context.Service<JobMetricDataService>();
        var job = await service.GetJobAsync(context.Caller(), InputValues.ParseId(context.GetArgument<object>("id"), "job id"), context.CancellationToken);
        var request = new JobDataRequest(Strings(context, "metrics"), Strings(context, "scopes"), Resolution(context) ?? service.DefaultResolution);
        return JobMetricWithName.From(await service.LoadDataAsync(context.Caller(), job, request, context.CancellationToken));
    }

    private static async Task<List<NamedStats>> JobStatsAsync(IResolveFieldContext context)
    {
        var service = context.Service<JobMetricDataService>();
        var job = await service.GetJobAsync(context.Caller(), InputValues.ParseId(context.GetArgument<object>("id"), "job id"), context.CancellationToken);
        var statistics = await service.LoadStatisticsAsync(context.Caller(), job, Strings(context, "metrics"), context.CancellationToken);
        return [.. statistics.Select(s => new NamedStats(s.Key, new() { Avg = s.Value.Avg, Min = s.Value.Min, Max = s.Value.Max }))];
    }

    private static async Task<List<NamedStatsWithScope>> ScopedJobStatsAsync(IResolveFieldContext context)
    {
        var service = context.Service<JobMetricDataService>();
        var job = await service.GetJobAsync(context.Caller(), InputValues.ParseId(context.GetArgument<object>("id"), "job id"), context.CancellationToken);
        var statistics = await service.LoadScopedStatisticsAsync(context.Caller(), job, Strings(context, "metrics"), Strings(context, "scopes"), context.CancellationToken);
        return NamedStatsWithScope.From(statistics);
    }

    private static async Task<List<NodeMetrics>> NodeMetricsAsync(IResolveFieldContext context)
    {
        var cluster = context.GetArgument<string>("cluster");
        var data = await context.Service<NodeMetricDataService>().LoadAsync(
            context.Caller(), cluster, Strings(context, "nodes"), Strings(context, "metrics"), Strings(context, "scopes"),
            Seconds(context, "from"), Seconds(context, "to"), resolution: 0, context.CancellationToken);
        var catalog = context.Service<IClusterCatalog>();
        // As cc-backend: "" for a host the node table does not know.
        var states = await context.Service<NodeMetricDataService>().StatesAsync(context.Caller(), cluster, context.CancellationToken);
        return [.. data.Select(host =>
        {
            var state = states.GetValueOrDefault(host.Key);
            return new NodeMetrics(host.Key, state?.SchedulerState ?? "", state?.HealthState ?? "", catalog.AssignSubCluster(cluster, host.Key) ?? "", JobMetricWithName.From(host.Value));
        })];
    }

    private static async Task<NodesResultList> NodeMetricsListAsync(IResolveFieldContext context)
    {
        var page = context.GetArgument<Core.Jobs.Queries.PageRequest?>("page");
        var result = await context.Service<NodeMetricDataService>().LoadPageAsync(
            context.Caller(), context.GetArgument<string>("cluster"), context.GetArgument<string>("subCluster"),
            context.GetArgument<string>("stateFilter"), context.GetArgument<string>("nodeFilter"),
            Strings(context, "metrics"), Strings(context, "scopes"), Seconds(context, "from"), Seconds(context, "to"),
            Resolution(context) ?? context.Service<JobMetricDataService>().DefaultResolution,
            page?.ItemsPerPage ?? -1, page?.Page ?? 1, context.CancellationToken);
        var items = result.Items.Select(item => new NodeMetrics(item.Host, item.NodeState, item.HealthState, item.SubCluster, JobMetricWithName.From(item.Metrics))).ToList();
        return new NodesResultList(items, result.TotalNodes, result.HasNextPage);
    }

    private static List<string>? Strings(IResolveFieldContext context, string name) => context.GetArgument<List<string>?>(name);

    private static long Seconds(IResolveFieldContext context, string name) => context.GetArgument<DateTimeOffset>(name).ToUnixTimeSeconds();

    private static int? Resolution(IResolveFieldContext context) =>
        context.GetArgument<long?>("resolution") switch
        {
            null => null,
            var value and >= 0 and <= int.MaxValue => (int)value,
            var value => throw new InvalidInputException($"resolution must be 0 (native) or a positive number of seconds, not {value}"),
        };
}
