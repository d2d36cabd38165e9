using System.Net.Http.Headers;
using System.Text.Json;

namespace Clusterdeck.Core.Metrics.Agent;

/// <summary>
/// Asks a server which cluster this host belongs to: <c>GET {server}/api/clusters/</c> (cc-backend's route, answered with
/// the same api token) and <see cref="AgentClusterChoice"/>. A server that does not list clusters (no such route, token
/// not allowed to) cannot tell, and the answer is <see cref="AgentClusterChoice.DefaultCluster"/>.
/// </summary>
public static class ServerClusterLookup
{
    /// <summary>What the server's answer decided.</summary>
    /// <param name="Cluster">The cluster, when decided.</param>
    /// <param name="Problem">Why not: a passing problem when <paramref name="Retry"/>, else a lasting one.</param>
    /// <param name="Retry">The server could not be asked (unreachable, 5xx): ask again later.</param>
    public sealed record Answer(string? Cluster, string? Problem, bool Retry);

    public static async Task<Answer> AskAsync(HttpClient client, Uri server, string token, string hostname, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(HttpMetricsTarget.ServerBase(server), "api/clusters/"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await client.SendAsync(request, cancellationToken);
            if (HttpMetricsTarget.IsWorthRetrying(response.StatusCode))
            {
                return new Answer(null, $"asking {request.RequestUri} for the cluster list: HTTP {(int)response.StatusCode} {response.ReasonPhrase}", Retry: true);
            }

            if (!response.IsSuccessStatusCode)
            {
                return new Answer(AgentClusterChoice.DefaultCluster, $"{request.RequestUri} answered HTTP {(int)response.StatusCode}, so the cluster is '{AgentClusterChoice.DefaultCluster}'", Retry: false);
            }

            IReadOnlyList<ClusterNodes> clusters;
            try
            {
                clusters = ParseClusters(await response.Content.ReadAsStringAsync(cancellationToken));
            }
            catch (JsonException)
            {
                return new Answer(AgentClusterChoice.DefaultCluster, $"{request.RequestUri} did not answer with a cluster list, so the cluster is '{AgentClusterChoice.DefaultCluster}'", Retry: false);
            }

            return AgentClusterChoice.Choose(clusters, hostname) is { } chosen
                ? new Answer(chosen, null, Retry: false)
                : new Answer(null, $"the server has clusters {string.Join(", ", clusters.Select(c => c.Name))} and none of them lists host '{hostname}'", Retry: false);
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new Answer(null, $"asking the server for the cluster list: {(e is OperationCanceledException ? "no answer in time" : e.Message)}", Retry: true);
        }
    }

    /// <summary>cc-backend's <c>{"clusters":[{"name":..., "subClusters":[{"nodes":...}]}]}</c>; throws <see cref="JsonException"/> for anything but JSON.</summary>
    public static IReadOnlyList<ClusterNodes> ParseClusters(string json)
    {
        using var document = JsonDocument.Parse(json);
        var result = new List<ClusterNodes>();
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("clusters", out var clusters) || clusters.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("no \"clusters\" array");
        }

        foreach (var cluster in clusters.EnumerateArray())
        {
            var name = cluster.ValueKind == JsonValueKind.Object && cluster.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            var nodeLists = new List<string>();
            if (cluster.TryGetProperty("subClusters", out var subClusters) && subClusters.ValueKind == JsonValueKind.Array)
            {
                nodeLists.AddRange(subClusters.EnumerateArray().Select(s =>
                    s.ValueKind == JsonValueKind.Object && s.TryGetProperty("nodes", out var nodes) && nodes.ValueKind == JsonValueKind.String ? nodes.GetString()! : ""));
            }

            result.Add(new ClusterNodes(name, nodeLists));
        }

        return result;
    }
}
