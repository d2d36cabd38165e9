using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Jobs;
using Clusterdeck.Core.Jobs.Queries;
using Clusterdeck.GraphQL.Inputs;
using Clusterdeck.GraphQL.Types;
using GraphQL;
using GraphQL.Types;

namespace Clusterdeck.GraphQL;

/// <summary>cc-backend's <c>Query</c>: clusters, tags, user, job, jobs, jobsStatistics.</summary>
internal sealed class QueryGraphType : ObjectGraphType
{
    /// <summary>cc-backend's page when <c>jobs</c> is asked without one.</summary>
    private static readonly PageRequest DefaultJobsPage = new(50, 1);

    private static readonly string[] HistogramFields = ["histDuration", "histNumNodes", "histNumCores", "histNumAccs"];

    public QueryGraphType()
    {
        Name = "Query";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ClusterGraphType>>>>("clusters")
            .Resolve(c => c.Service<IClusterCatalog>().Clusters);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TagGraphType>>>>("tags")
            .ResolveAsync(async c => await c.Service<TagService>().ListAsync(c.Caller(), c.CancellationToken));
        Field<UserGraphType>("user")
            .Argument<NonNullGraphType<StringGraphType>>("username")
            .ResolveAsync(async c => await c.Service<UserService>().FindProfileAsync(c.Caller(), c.GetArgument<string>("username"), c.CancellationToken));
        Field<JobGraphType>("job")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await c.Service<JobQueryService>().GetAsync(c.Caller(), InputValues.ParseId(c.GetArgument<object>("id"), "job id"), c.CancellationToken));
        Field<NonNullGraphType<JobResultListGraphType>>("jobs")
            .Argument<ListGraphType<NonNullGraphType<JobFilterGraphType>>>("filter")
            .Argument<PageRequestGraphType>("page")
            .Argument<OrderByInputGraphType>("order")
            .ResolveAsync(async c => await JobsAsync(c));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<JobsStatisticsGraphType>>>>("jobsStatistics")
            .Argument<ListGraphType<NonNullGraphType<JobFilterGraphType>>>("filter")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("metrics")
            .Argument<PageRequestGraphType>("page")
            .Argument<SortByAggregateGraphType>("sortBy")
            .Argument<AggregateGraphType>("groupBy")
            .Argument<StringGraphType>("numDurationBins")
            .Argument<Scalars.GoIntGraphType>("numMetricBins")
            .ResolveAsync(async c => await StatisticsAsync(c));
        this.AddMetricFields();
        this.AddNodeFields();
    }

    private static async Task<JobResultList> JobsAsync(IResolveFieldContext context)
    {
        var page = context.GetArgument<PageRequest?>("page") ?? DefaultJobsPage;
        var query = new JobQuery
        {
            Filters = Filters(context),
            Order = context.GetArgument<JobOrder?>("order") ?? JobOrder.Newest,
            Page = page,
            IncludeCount = context.SubFields is not { } fields || fields.Values.Any(field => field.Field.Name.StringValue == "count"),
        };
        var result = await context.Service<JobQueryService>().QueryAsync(context.Caller(), query, context.CancellationToken);
        return new JobResultList(result.Items, page, result.Count, result.HasNextPage);
    }

    private static async Task<IReadOnlyList<JobGroupStatistics>> StatisticsAsync(IResolveFieldContext context)
    {
        var query = new JobStatisticsQuery
        {
            Filters = Filters(context),
            GroupBy = context.GetArgument<StatisticsGrouping?>("groupBy"),
            SortBy = context.GetArgument<string?>("sortBy"),
            Page = context.GetArgument<PageRequest?>("page"),
            // By field name, not response key: an alias must not switch the histograms off.
            WithHistograms = context.SubFields?.Values.Any(field => HistogramFields.Contains(field.Field.Name.StringValue)) ?? false,
            DurationBins = context.GetArgument<string?>("numDurationBins"),
        };
        return await context.Service<JobQueryService>().StatisticsAsync(context.Caller(), query, context.CancellationToken);
    }

    private static List<JobFilter> Filters(IResolveFieldContext context) =>
        context.GetArgument<List<object>?>("filter")?.Cast<JobFilter>().ToList() ?? [];
}
