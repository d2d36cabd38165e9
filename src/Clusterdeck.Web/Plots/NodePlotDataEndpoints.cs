using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Archive;
using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Errors;
using Clusterdeck.Core.Metrics;
using Clusterdeck.Core.Metrics.NodeMetrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Clusterdeck.Web.Plots;

/// <summary>
/// A node's metric over a time window, for the node page's <c>&lt;cd-metric-plot&gt;</c> elements. The window is
/// <c>from</c>..<c>to</c> (Unix seconds; <c>to</c> defaults to now) or the <c>last</c> N seconds up to now, which a live plot
/// refetches as time moves on. Role rules are <see cref="NodeMetricDataService"/>'s: admins and support staff.
/// Errors are ProblemDetails from the host's exception handler: 400 bad window, 403 role, 404 unknown cluster, host or metric.
/// </summary>
public static class NodePlotDataEndpoints
{
    /// <summary>Longest window served at once; the node page asks for a day at most.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(31);

    public static IEndpointRouteBuilder MapNodePlotDataEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/ui/data/nodes/{cluster}/{host}/metrics/{metric}", GetAsync)
            .RequireAuthorization()
            .ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<Ok<MetricPlotData>> GetAsync(
        HttpContext context, NodeMetricDataService nodeData, IClusterCatalog catalog, TimeProvider time,
        string cluster, string host, string metric, long? from, long? to, long? last, int? resolution, CancellationToken cancellationToken)
    {
        var caller = context.User.RequireCaller();
        var (start, end) = Window(time.GetUtcNow().ToUnixTimeSeconds(), from, to, last);
        if (catalog.Find(cluster) is null)
        {
            throw new NotFoundException($"unknown cluster '{cluster}'");
        }

        var subCluster = catalog.AssignSubCluster(cluster, host)
            ?? throw new NotFoundException($"cluster '{cluster}' has no node '{host}'");
        var config = catalog.MetricConfigFor(cluster, subCluster, restrictedCaller: !AccessRules.SeesRestrictedMetrics(caller))
            .FirstOrDefault(m => m.Name == metric)
            ?? throw new NotFoundException($"nodes of {cluster}/{subCluster} have no metric '{metric}'");

        var data = await nodeData.LoadAsync(caller, cluster, [host], [metric], [MetricScopes.Node], start, end, resolution ?? 0, cancellationToken);
        var series = data.GetValueOrDefault(host)?.GetValueOrDefault(metric)?.GetValueOrDefault(MetricScopes.Node)
            ?? new JobMetric { Unit = config.Unit, Timestep = config.Timestep };
        // Sources pad the series to the window's start (cc-metric-store's padding), so the first sample is at `start`.
        return TypedResults.Ok(new MetricPlotData(metric, MetricScopes.Node, start, series.Timestep, config.Timestep, series));
    }

    /// <summary>The window in Unix seconds from the query: <c>from</c>/<c>to</c>, or <c>last</c> seconds before now.</summary>
    internal static (long From, long To) Window(long now, long? from, long? to, long? last)
    {
        if (last is not null && from is not null)
        {
            throw new InvalidInputException("give either 'from' or 'last', not both");
        }

        if (last is <= 0)
        {
            throw new InvalidInputException($"'last' must be a positive number of seconds, not {last}");
        }

        var end = to ?? now;
        var start = from ?? end - (last ?? 3600);
        if (end < start)
        {
            throw new InvalidInputException($"the window ends ({end}) before it starts ({start})");
        }

        if (end - start > (long)MaxWindow.TotalSeconds)
        {
            throw new InvalidInputException($"the window is longer than {MaxWindow.TotalDays} days; ask for a shorter one");
        }

        return (start, end);
    }
}
