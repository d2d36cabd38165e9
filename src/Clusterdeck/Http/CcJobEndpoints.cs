using System.Globalization;
using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Archive;
using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Errors;
using Clusterdeck.Core.Jobs;
using Clusterdeck.Core.Jobs.Queries;
using Clusterdeck.Core.Metrics;
using Clusterdeck.Core.Metrics.JobMetrics;

namespace Clusterdeck.Http;

/// <summary>
/// cc-backend's job routes under <c>/api/</c>, with its paths (trailing slashes included), bodies, status codes
/// and error bodies, so batch-system adapters and scripts written for cc-backend keep working.
/// </summary>
internal static class CcJobEndpoints
{
    private const int DefaultItemsPerPage = 25;

    public static IEndpointRouteBuilder MapCcJobEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("cc-backend: jobs").AddEndpointFilter<CcApiAccessFilter>().DisableAntiforgery();
        api.MapPost("/jobs/start_job/", StartAsync).WithSummary("Record a job that started (forced to running)");
        api.MapPost("/jobs/stop_job/", StopAsync).WithSummary("Stop the newest running job matching jobId (and cluster and startTime when given)");
        api.MapPost("/jobs/stop_job/{id}", StopByIdAsync).WithSummary("Stop the job with this database id (cc-backend's older route)");
        api.MapGet("/jobs/", ListAsync).WithSummary("List jobs, newest first: state, cluster, project, start-time=FROM-TO, page, items-per-page, with-metadata");
        api.MapGet("/jobs/used_nodes", UsedNodesAsync).WithSummary("Per cluster, the nodes of jobs running at ts");
        api.MapGet("/jobs/metrics/{id}", GetMetricsAsync).WithSummary("A job's metric data as GraphQL jobMetrics answers it: metric, scope (repeatable) and resolution (seconds)");
        api.MapGet("/jobs/{id}", GetAsync).WithSummary("A job's metadata (all-metrics=true adds its metric data)");
        api.MapPost("/jobs/{id}", GetWithMetricsAsync).WithSummary("A job's metadata and the metric data named in the body");
        api.MapPost("/jobs/tag_job/{id}", TagAsync).WithSummary("Attach tags to a job, creating them when needed");
        api.MapDelete("/jobs/tag_job/{id}", UntagAsync).WithSummary("Detach global or admin tags from a job");
        api.MapDelete("/tags/", DeleteTagsAsync).WithSummary("Delete global or admin tags and their attachments");
        api.MapPost("/jobs/edit_meta/{id}", EditMetaAsync).WithSummary("Set one metadata key of a job");
        api.MapPatch("/jobs/edit_meta/", EditMetaByKeyAsync).WithSummary("Set one metadata key of the job named by jobId, cluster and startTime");
        api.MapDelete("/jobs/delete_job/{id}", DeleteAsync).WithSummary("Remove a job from the database (not from the archive)");
        api.MapDelete("/jobs/delete_job/", DeleteByKeyAsync).WithSummary("Remove the job named by jobId, cluster and startTime from the database");
        api.MapDelete("/jobs/delete_job_before/{ts}", DeleteBeforeAsync).WithSummary("Remove jobs that started before ts (omit-tagged=true keeps tagged jobs)");
        return endpoints;
    }

    private static Task<IResult> StartAsync(HttpContext context, JobService jobs, CancellationToken cancellationToken) =>
        Answer(async () =>
        {
            var request = await CcJson.ReadAsync<Job>(context.Request, "parsing request body failed", cancellationToken);
            await jobs.StartAsync(context.User.RequireCaller(), request, cancellationToken);
            return Results.Json(new CcMessage("success"), statusCode: StatusCodes.Status201Created);
        });

    private static Task<IResult> StopAsync(HttpContext context, JobService jobs, CancellationToken cancellationToken) =>
        Answer(async () =>
        {
            var request = await CcJson.ReadAsync<CcStopJobRequest>(context.Request, "parsing request body failed", cancellationToken);
            return Results.Json(await jobs.StopAsync(context.User.RequireCaller(), request.ToRequest(), cancellationToken));
        });

    private static Task<IResult> StopByIdAsync(string id, HttpContext context, JobService jobs, CancellationToken cancellationToken) =>
        Answer(async () =>
        {
            var dbId = ParseId(id, "id");
            var request = await CcJson.ReadAsync<CcStopJobRequest>(context.Request, "parsing request body failed", cancellationToken);
            return Results.Json(await jobs.StopByIdAsync(context.User.RequireCaller(), dbId, request.ToRequest(), cancellationToken));
        }, notFound: StatusCodes.Status422UnprocessableEntity);

    private static Task<IResult> ListAsync(HttpContext context, JobQueryService queries, IJobArchive archive, CancellationToken cancellationToken) =>
        Answer(async () =>
        {
            var (query, withMetadata) = ParseListQuery(context.Request.Query);
            var page = await queries.QueryAsync(context.User.RequireCaller(), query, cancellationToken);
            var items = new List<Job>(page.Items.Count);
            foreach (var job in page.Items)
            {
                // As cc-backend: archived jobs carry their statistics, read from their meta.json.
                var statistics = job.MonitoringStatus == MonitoringStatus.ArchivingSuccessful
                    ? (await archive.ReadMetaAsync(job.Cluster, job.JobId, job.StartTime, cancellationToken))?.Statistics
                    : null;
                items.Add(job with { MetaData = withMetadata ? job.MetaData : null, Statistics = statistics ?? job.Statistics });
            }

            return Results.Json(new CcJobList(items, query.Page!.ItemsPerPage, query.Page.Page));
        });

    private static Task<IResult> UsedNodesAsync(HttpContext context, JobService jobs, CancellationToken cancellationToken) =>
        Answer(async () =>
        {
            var ts = context.Request.Query["ts"].ToString();
            if (ts.Length == 0)
            {
                throw new InvalidInputException("missing required query parameter: ts");
            }

            if (!long.TryParse(ts, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
            {
                throw new InvalidInputException($"invalid timestamp format: \"{ts}\" is not an integer");
            }

            return Results.Json(new CcUsedNodes(await jobs.UsedNodesAsync(context.User.RequireCaller(), timestamp, cancellationToken)));
        });

    private static Task<IResult> GetAsync(string id, HttpContext context, JobMetricDataService metrics, IClusterCatalog catalog, CancellationToken cancellationToken) =>
        Answer(async () =>
        {
            var caller = context.User.RequireCaller();
            var job = await metrics.GetJobAsync(caller, ParseId(id, "id"), cancellationToken);
            var data = context.Request.Query["all-metrics"] == "true"
                ? await metrics.LoadDataAsync(caller, job, RestRequest(job, catalog, null), cancellationToken)
                : null;
            return Results.Json(new CcJobWithData(job, data));
        }, notFound: StatusCodes.Status422UnprocessableEntity);

    private static Task<IResult> GetWithMetricsAsync(string id, HttpContext context, JobMetricDataService metrics, IClusterCatalog catalog, CancellationToken cancellationToken) =>
        Answer(async () =>
        {
            var caller = context.User.RequireCaller();
            var job = await metrics.GetJobAsync(caller, ParseId(id, "id"), cancellationToken);
            var names = await CcJson.ReadAsync<string[]>(context.Request, "decoding request failed", cancellationToken);
            var data = await metrics.LoadDataAsync(caller, job, RestRequest(job, catalog, names.Length == 0 ? null : names), cancellationToken);
            return Results.Json(new CcJobWithData(job, WithNames(data)));
        }, notFound: StatusCodes.Status422UnprocessableEntity);

    /// <summary>
    /// cc-backend's <c>GET /api/jobs/metrics/{id}</c>: its GraphQL <c>jobMetrics</c> answer wrapped in <c>{"data": {"jobMetrics": [...]}}</c>,
    /// or <c>{"data": null, "error": {"message": ...}}</c> with status 200 when the job cannot be read, as cc-backend does;
    /// a bad scope or resolution is a 400. <c>resolution</c> is Clusterdeck's addition (cc-backend always uses its default).
    /// </summary>
    private static async Task<IResult> GetMetricsAsync(string id, HttpContext context, JobMetricDataService metrics, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        var scopes = query["scope"].Select(s => s ?? "").ToList();
        foreach (var scope in scopes)
        {
            if (!MetricScopes.IsValid(scope))
            {
                return CcApi.Error(StatusCodes.Status400BadRequest, $"unmarshaling scope failed: {scope} is not a valid MetricScope");
            }
        }

        var resolution = metrics.DefaultResolution;
        if (query["resolution"].ToString() is { Length: > 0 } text
            && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out resolution)))
        {
            return CcApi.Error(StatusCodes.Status400BadRequest, $"resolution must be a whole number of seconds, not \"{text}\"");
        }

        try
        {
            var caller = context.User.RequireCaller();
            var job = await metrics.GetJobAsync(caller, ParseId(id, "id"), cancellationToken);
            var names = query["metric"].Select(m => m ?? "").ToList();
            var request = new JobDataRequest(names.Count == 0 ? null : names, scopes.Count == 0 ? null : scopes, resolution);
            var data = await metrics.LoadDataAsync(caller, job, request, cancellationToken);
            return Results.Json(new CcJobMetricsAnswer(new CcJobMetricsData(WithNames(data)), null));
        }
        catch (DomainException e)
        {
            return Results.Json(new CcJobMetricsAnswer(null, new CcJobMetricsError(e.Message)));
        }
    }

    /// <summary>
    /// cc-backend's choice for its REST job routes: core scope for a single-node job, node scope otherwise, and the
    /// largest timestep of the cluster's metrics as resolution (so only finer-sampled metrics are resampled).
    /// </summary>
    private static JobDataRequest RestRequest(Job job, IClusterCatalog catalog, IReadOnlyList<string>? metrics) =>
        new(metrics,
            [job.NumNodes == 1 ? MetricScopes.Core : MetricScopes.Node],
            catalog.Find(job.Cluster)?.MetricConfig.Select(m => m.Timestep).DefaultIfEmpty(0).Max() ?? 0);

    private static List<CcJobMetricWithName> WithNames(JobData data) =>
        [.. data.SelectMany(metric => metric.Value.Select(scope => new CcJobMetricWithName(metric.Key, scope.Key, scope.Value)))];

    private static Task<IResult> TagAsync(string id, HttpContext context, JobQueryService queries, TagService tags, CancellationToken cancellationToken) =>
        Answer(async () =>
        {
            var caller = context.User.RequireCaller();
            var job = await queries.GetAsync(caller, ParseId(id, "job ID"), cancellationToken);
            var request = await CcJson.ReadAsync<CcTagRequest[]>(context.Request, "decoding request failed", cancellationToken);
            var all = await tags.AttachByNameAsync(caller, job.Id!.Value, [.. request.Select(ToTag)], cancellationToken);
            return Results.Json(job with { Tags = all });
        });

    private static Task<IResult> UntagAsync(string id, HttpContext context, JobQueryService queries, TagService tags, CancellationToken cancellationToken) =>
        Answer(async () =>
        {
            var caller = context.User.RequireCaller();
            var job = await queries.GetAsync(caller, ParseId(id, "job ID"), cancellationToken);
            var request = await CcJson.ReadAsync<CcTagRequest[]>(context.Request, "decoding request failed", cancellationToken);
            // As cc-backend: private tags cannot be removed through this API; they are skipped.
            var removable = request.Where(t => t.Scope is TagScopes.Global or TagScopes.Admin).Select(ToTag).ToList();
            var remaining = await tags.DetachByNameAsync(caller, job.Id!.Value, removable, cancellationToken);
            return Results.Json(job with { Tags = remaining });
        });

    private static Task<IResult> DeleteTagsAsync(HttpContext context, TagService tags, CancellationToken cancellationToken) =>
        Answer(async () =>
        {
            var caller = context.User.RequireCaller();
            var request = await CcJson.ReadAsync<CcTagRequest[]>(context.Request, "decoding request failed", cancellationToken);
            var deleted = 0;
            foreach (var tag in request.Where(t => t.Scope is TagScopes.Global or TagScopes.Admin))
            {
                await tags.DeleteAsync(caller, tag.Type ?? "", tag.Name ?? "", tag.Scope!, cancellationToken);
                deleted++;
            }

            // cc-backend answers in plain text, spelling included.
            return Results.Text($"Deleted Tags from DB: {deleted} successfull of {request.Length} requested\n");
        });

    private static Task<IResult> EditMetaAsync(string id, HttpContext context, JobService jobs, CancellationToken cancellationToken) =>
        Answer(async () =>
        {
            var dbId = ParseId(id, "job ID");
            var request = await CcJson.ReadAsync<CcEditMetaRequest>(context.Request, "decoding request failed", cancellationToken);
            return Results.Json(await jobs.EditMetadataAsync(context.User.RequireCaller(), dbId, request.Key ?? "", request.Value ?? "", cancellationToken));
        });

    private static Task<IResult> EditMetaByKeyAsync(HttpContext context, JobService jobs, CancellationToken cancellationToken) =>
        Answer(async () =>
        {
            var request = await CcJson.ReadAsync<CcJobMetaRequest>(context.Request, "decoding request failed", cancellationToken);
            var key = new JobKey(request.JobId ?? throw new InvalidInputException("the field 'jobId' is required"), request.Cluster, request.StartTime);
            var payload = request.Payload ?? throw new InvalidInputException("the field 'payload' is required");
            return Results.Json(await jobs.EditMetadataAsync(context.User.RequireCaller(), key, payload.Key ?? "", payload.Value ?? "", cancellationToken));
        });

    private static Task<IResult> DeleteAsync(string id, HttpContext context, JobService jobs, CancellationToken cancellationToken) =>
        Answer(async () =>
        {
            var dbId = ParseId(id, "id");
            await jobs.DeleteAsync(context.User.RequireCaller(), dbId, cancellationToken);
            return CcApi.Message($"Successfully deleted job {dbId}");
        }, notFound: StatusCodes.Status422UnprocessableEntity);

    private static Task<IResult> DeleteByKeyAsync(HttpContext context, JobService jobs, CancellationToken cancellationToken) =>
        Answer(async () =>
        {
            var request = await CcJson.ReadAsync<CcJobKeyRequest>(context.Request, "parsing request body failed", cancellationToken);
            var key = new JobKey(request.JobId ?? throw new InvalidInputException("the field 'jobId' is required"), request.Cluster, request.StartTime);
            var dbId = await jobs.DeleteAsync(context.User.RequireCaller(), key, cancellationToken);
            return CcApi.Message($"Successfully deleted job {dbId}");
        }, notFound: StatusCodes.Status422UnprocessableEntity);

    private static Task<IResult> DeleteBeforeAsync(string ts, HttpContext context, JobService jobs, CancellationToken cancellationToken) =>
        Answer(async () =>
        {
            var before = ParseId(ts, "ts");
            var omit = context.Request.Query["omit-tagged"].ToString();
            // Go's strconv.ParseBool spellings.
            var omitTagged = omit switch
            {
                "" or "0" or "f" or "F" or "false" or "FALSE" or "False" => false,
                "1" or "t" or "T" or "true" or "TRUE" or "True" => true,
                _ => throw new InvalidInputException($"omit-tagged must be true or false, not \"{omit}\""),
            };
            var count = await jobs.DeleteStartedBeforeAsync(context.User.RequireCaller(), before, omitTagged, cancellationToken);
            return CcApi.Message($"Successfully deleted {count} jobs");
        });

    private static Tag ToTag(CcTagRequest request) =>
        new() { Type = request.Type ?? "", Name = request.Name ?? "", Scope = string.IsNullOrEmpty(request.Scope) ? TagScopes.Global : request.Scope };

    /// <summary>cc-backend's query parameters for the job list; any other parameter is a 400.</summary>
    private static (JobQuery Query, bool WithMetadata) ParseListQuery(IQueryCollection parameters)
    {
        var filter = new JobFilter();
        var page = new PageRequest(DefaultItemsPerPage, 1);
        var withMetadata = false;
        foreach (var (key, values) in parameters)
        {
            switch (key)
            {
                case "project":
                    filter = filter with { Project = StringInput.Equal(values[0] ?? "") };
                    break;
                case "cluster":
                    filter = filter with { Cluster = StringInput.Equal(values[0] ?? "") };
                    break;
                case "state":
                    var states = values.Select(v => v ?? "").ToList();
                    if (!states.All(JobStates.IsValid))
                    {
                        throw new InvalidInputException("invalid query parameter value: state");
                    }

                    filter = filter with { State = states };
                    break;
                case "start-time":
                    var bounds = (values[0] ?? "").Split('-');
                    if (bounds.Length != 2
                        || !long.TryParse(bounds[0], NumberStyles.None, CultureInfo.InvariantCulture, out var from)
                        || !long.TryParse(bounds[1], NumberStyles.None, CultureInfo.InvariantCulture, out var to))
                    {
                        throw new InvalidInputException("invalid query parameter value: startTime (expected FROM-TO in Unix seconds)");
                    }

                    filter = filter with { StartTime = new TimeRange { From = from, To = to } };
                    break;
                case "page":
                    page = page with { Page = ParsePositive(values[0], "page") };
                    break;
                case "items-per-page":
                    page = page with { ItemsPerPage = ParsePositive(values[0], "items-per-page") };
                    break;
                case "with-metadata":
                    withMetadata = true;
                    break;
                default:
                    throw new InvalidInputException($"invalid query parameter: {key}");
            }
        }

        return (new JobQuery { Filters = [filter], Order = JobOrder.Newest, Page = page, IncludeCount = false }, withMetadata);
    }

    private static int ParsePositive(string? value, string name) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0
            ? parsed
            : throw new InvalidInputException($"invalid query parameter value: {name} must be a positive integer, not \"{value}\"");

    private static long ParseId(string value, string name) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new InvalidInputException($"integer expected in path for {name}: \"{value}\"");

    /// <summary>
    /// Runs a handler and turns domain errors into cc-backend's status codes: invalid input 400, access 403,
    /// not found 404 (422 on the routes where cc-backend answers so), conflicts and other refusals 422.
    /// </summary>
    private static async Task<IResult> Answer(Func<Task<IResult>> handler, int notFound = StatusCodes.Status404NotFound)
    {
        try
        {
            return await handler();
        }
        catch (InvalidInputException e)
        {
            return CcApi.Error(StatusCodes.Status400BadRequest, e.Message);
        }
        catch (AccessDeniedException e)
        {
            return CcApi.Error(StatusCodes.Status403Forbidden, e.Message);
        }
        catch (NotFoundException e)
        {
            return CcApi.Error(notFound, e.Message);
        }
        catch (DomainException e)
        {
            return CcApi.Error(StatusCodes.Status422UnprocessableEntity, e.Message);
        }
    }
}
