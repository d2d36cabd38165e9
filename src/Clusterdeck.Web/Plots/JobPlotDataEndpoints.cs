using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Archive;
using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Errors;
using Clusterdeck.Core.Jobs;
using Clusterdeck.Core.Metrics;
using Clusterdeck.Core.Metrics.JobMetrics;
using Clusterdeck.Web.JobDetails;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Clusterdeck.Web.Plots;

/// <summary>
/// The data behind the job view's plots, for the signed-in browser: one metric at one scope as <see cref="MetricPlotData"/>,
/// and the job's roofline. Access is the job-data service's (a user sees only their own jobs, restricted metrics stay
/// hidden from plain users); what the caller may not see answers 404 with the reason, a malformed request 400.
/// </summary>
public static class JobPlotDataEndpoints
{
    public static IEndpointRouteBuilder MapJobPlotDataEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var jobs = endpoints.MapGroup("/ui/data/jobs").RequireAuthorization().ExcludeFromDescription();
        jobs.MapGet("/{dbId:long}/metrics/{metric}", GetMetricAsync);
        jobs.MapGet("/{dbId:long}/roofline", GetRooflineAsync);
        return endpoints;
    }

    /// <summary><c>?scope=node</c> (the default) or a finer scope; <c>?resolution=N</c> seconds resamples (0 or absent: native).</summary>
    private static async Task<Ok<MetricPlotData>> GetMetricAsync(
        long dbId, string metric, string? scope, int? resolution, HttpContext context,
        JobMetricDataService metrics, IClusterCatalog catalog, CancellationToken cancellationToken)
    {
        var caller = context.User.RequireCaller();
        scope = string.IsNullOrEmpty(scope) ? MetricScopes.Node : scope;
        var job = await metrics.GetJobAsync(caller, dbId, cancellationToken);
        var data = await metrics.LoadDataAsync(caller, job, new JobDataRequest([metric], [scope], resolution ?? 0), cancellationToken);
        var (answeredScope, jobMetric) = Pick(data, metric, scope) ?? throw Missing(caller, job, metric, catalog);
        return TypedResults.Ok(new MetricPlotData(
            metric, answeredScope, job.StartTime, jobMetric.Timestep, NativeTimestep(catalog, job, metric, jobMetric), jobMetric));
    }

    /// <summary>flops_any and mem_bw at node scope, as points for the roofline; <c>?resolution=N</c> thins them out.</summary>
    private static async Task<Ok<RooflinePlotData>> GetRooflineAsync(
        long dbId, int? resolution, HttpContext context, JobMetricDataService metrics, IClusterCatalog catalog, CancellationToken cancellationToken)
    {
        var caller = context.User.RequireCaller();
        var job = await metrics.GetJobAsync(caller, dbId, cancellationToken);
        var request = new JobDataRequest([JobRoofline.FlopsMetric, JobRoofline.BandwidthMetric], [MetricScopes.Node], resolution ?? 0);
        var data = await metrics.LoadDataAsync(caller, job, request, cancellationToken);
        var flops = Pick(data, JobRoofline.FlopsMetric, MetricScopes.Node) ?? throw Missing(caller, job, JobRoofline.FlopsMetric, catalog);
        var bandwidth = Pick(data, JobRoofline.BandwidthMetric, MetricScopes.Node) ?? throw Missing(caller, job, JobRoofline.BandwidthMetric, catalog);
        return TypedResults.Ok(JobRoofline.Build(flops.Metric, bandwidth.Metric, catalog.FindSubCluster(job.Cluster, job.SubCluster)));
    }

    /// <summary>The asked scope when the data has it; otherwise the one scope an archive stored (the service's fallback).</summary>
    private static (string Scope, JobMetric Metric)? Pick(JobData data, string metric, string scope)
    {
        if (!data.TryGetValue(metric, out var byScope) || byScope.Count == 0)
        {
            return null;
        }

        if (byScope.TryGetValue(scope, out var asked))
        {
            return (scope, asked);
        }

        var coarsest = byScope.OrderBy(s => MetricScopes.Granularity(s.Key)).First();
        return (coarsest.Key, coarsest.Value);
    }

    private static int NativeTimestep(IClusterCatalog catalog, Job job, string metric, JobMetric data)
    {
        var configured = JobMetricConfigs.For(catalog, job, Caller.Console).FirstOrDefault(m => m.Name == metric)?.Timestep ?? 0;
        return configured > 0 ? Math.Min(configured, data.Timestep) : data.Timestep;
    }

    private static NotFoundException Missing(Caller caller, Job job, string metric, IClusterCatalog catalog)
    {
        var all = catalog.MetricConfigFor(job.Cluster, job.SubCluster, restrictedCaller: false);
        if (!AccessRules.SeesRestrictedMetrics(caller)
            && all.Any(m => m.Name == metric)
            && !catalog.MetricConfigFor(job.Cluster, job.SubCluster, restrictedCaller: true).Any(m => m.Name == metric))
        {
            return new NotFoundException($"metric '{metric}' is restricted on {job.Cluster}/{job.SubCluster}: only support and admin see it");
        }

        return new NotFoundException($"job {job.Id} has no data for metric '{metric}'");
    }
}
