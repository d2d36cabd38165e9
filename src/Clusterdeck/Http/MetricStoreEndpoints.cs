using System.Globalization;
using System.Text.Json;
using Clusterdeck.Core.Errors;
using Clusterdeck.Core.Metrics.Query;
using Clusterdeck.Core.Metrics.Store;
using Microsoft.AspNetCore.Http.Features;

namespace Clusterdeck.Http;

/// <summary>
/// cc-metric-store's HTTP API on the in-process store: <c>/api/write</c> (line protocol), <c>/api/query</c>,
/// <c>/api/free</c> and <c>/api/healthcheck</c>, with its parameters, answers and <c>{"status","error"}</c> errors.
/// Routes match with or without the trailing slash, as cc-metric-store mounts both.
/// </summary>
internal static class MetricStoreEndpoints
{
    /// <summary>Far above any collector's batch, but a bound: the body is held in memory until every line has parsed.</summary>
    private const int MaxWriteBytes = 1024 * 1024 * 1024;

    /// <summary>As Go's decoder reads cc-metric-store's query: names match case-insensitively, unknown fields are ignored.</summary>
    private static readonly JsonSerializerOptions QueryJson = new() { PropertyNameCaseInsensitive = true };

    public static IEndpointRouteBuilder MapMetricStoreEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("cc-metric-store").AddEndpointFilter<CcApiAccessFilter>().DisableAntiforgery();
        api.MapPost("/write/", WriteAsync)
            .WithSummary("Store metrics sent as InfluxDB line protocol (cluster=NAME for lines without a cluster tag; precision=s|ms|us|ns)");
        api.MapMethods("/query/", [HttpMethods.Get, HttpMethods.Post], QueryAsync)
            .WithSummary("cc-metric-store's query protocol (version=v2 by default; v1 ignores resolution)")
            .Produces<MetricQueryResponse>();
        api.MapPost("/free/", FreeAsync)
            .WithSummary("Free the buffers of the selected levels ([[cluster, host], ...]) that hold only data before to=UNIX-SECONDS");
        api.MapGet("/healthcheck/", HealthCheck)
            .WithSummary("Healthy or Unhealthy: whether the node's metrics are arriving (cluster=NAME&node=HOST)");
        return endpoints;
    }

    private static async Task<IResult> WriteAsync(HttpContext context, MetricStore store, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        if (!MetricStore.TryParsePrecision(query["precision"], out var precision))
        {
            return CcApi.Error(StatusCodes.Status400BadRequest, $"unknown precision '{query["precision"]}' (expected s, ms, us or ns)");
        }

        // Kestrel's default 30 MB limit would cut large collector batches; this route has its own bound.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        using var body = await RequestBodyBuffer.ReadAsync(context.Request, MaxWriteBytes, cancellationToken);
        if (body is null)
        {
            return CcApi.Error(StatusCodes.Status413PayloadTooLarge, $"the body is larger than {MaxWriteBytes / (1024 * 1024)} MB; send smaller batches");
        }

        try
        {
            await store.WriteAsync(query["cluster"].ToString(), body.Memory, precision, cancellationToken);
        }
        catch (InvalidInputException e)
        {
            return CcApi.Error(StatusCodes.Status400BadRequest, e.Message);
        }

        return Results.Ok();
    }

    private static async Task<IResult> QueryAsync(HttpContext context, MetricStore store, CancellationToken cancellationToken)
    {
        MetricQueryRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<MetricQueryRequest>(context.Request.Body, QueryJson, cancellationToken);
        }
        catch (JsonException e)
        {
            return CcApi.Error(StatusCodes.Status400BadRequest, e.Message);
        }

        if (request is null)
        {
            return CcApi.Error(StatusCodes.Status400BadRequest, "the body is empty or null: expected a query request");
        }

        if (context.Request.Query["version"] == "v1")
        {
            request = request with { Queries = [.. request.Queries.Select(q => q with { Resolution = 0 })] };
        }

        var response = await store.QueryAsync(request, cancellationToken);
        return Results.Json(response, QueryJson);
    }

    private static async Task<IResult> FreeAsync(HttpContext context, MetricStore store, CancellationToken cancellationToken)
    {
        var rawTo = context.Request.Query["to"].ToString();
        if (rawTo.Length == 0)
        {
            return CcApi.Error(StatusCodes.Status400BadRequest, "'to' is a required query parameter");
        }

        if (!long.TryParse(rawTo, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var to))
        {
            return CcApi.Error(StatusCodes.Status400BadRequest, $"'to' must be Unix seconds, not '{rawTo}'");
        }

        List<List<string>>? selectors;
        try
        {
            selectors = await JsonSerializer.DeserializeAsync<List<List<string>>>(context.Request.Body, QueryJson, cancellationToken);
        }
        catch (JsonException e)
        {
            return CcApi.Error(StatusCodes.Status400BadRequest, $"the body must be a list of selectors such as [[\"cluster\", \"host\"]]: {e.Message}");
        }

        var freed = 0;
        foreach (var selector in selectors ?? [])
        {
            freed += store.Free(selector, to);
        }

        return Results.Text($"buffers freed: {freed}\n", "text/plain");
    }

    private static IResult HealthCheck(HttpContext context, MetricStore store)
    {
        var cluster = context.Request.Query["cluster"].ToString();
        var node = context.Request.Query["node"].ToString();
        if (cluster.Length == 0 || node.Length == 0)
        {
            return CcApi.Error(StatusCodes.Status400BadRequest, "'cluster' and 'node' are required query parameter");
        }

        return store.IsHealthy(cluster, node) switch
        {
            null => CcApi.Error(StatusCodes.Status400BadRequest, $"[METRICSTORE]> not found: []string{{\"{cluster}\", \"{node}\"}}"),
            true => Results.Text("Healthy", "text/plain"),
            false => Results.Text("Unhealthy", "text/plain"),
        };
    }
}
