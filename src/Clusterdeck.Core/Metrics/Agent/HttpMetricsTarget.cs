using System.Net;
using System.Net.Http.Headers;

namespace Clusterdeck.Core.Metrics.Agent;

/// <summary>
/// Delivers by <c>POST {server}/api/write?cluster=C</c> with <c>Authorization: Bearer TOKEN</c>, as cc-metric-collector's
/// http sink does. The token is only ever put in the header, never in a URL or a message.
/// </summary>
public sealed class HttpMetricsTarget : INodeMetricsTarget
{
    private const int MaxDetailLength = 300;

    private readonly HttpClient _client;
    private readonly Uri _writeUri;
    private readonly string _token;

    public HttpMetricsTarget(HttpClient client, Uri server, string token, string cluster)
    {
        _client = client;
        _token = token;
        Cluster = cluster;
        _writeUri = new Uri(ServerBase(server), $"api/write?cluster={Uri.EscapeDataString(cluster)}");
    }

    public string Cluster { get; }

    public string Description => _writeUri.ToString();

    /// <summary>The server address with a trailing slash, so a server behind a path prefix (<c>https://host/cd</c>) keeps it.</summary>
    public static Uri ServerBase(Uri server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return server.AbsoluteUri.EndsWith('/') ? server : new Uri(server.AbsoluteUri + "/");
    }

    public async ValueTask<DeliveryResult> DeliverAsync(ReadOnlyMemory<byte> lines, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _writeUri) { Content = new ReadOnlyMemoryContent(lines) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
            using var response = await _client.SendAsync(request, cancellationToken);
            var body = await ReadDetailAsync(response, cancellationToken);
            var detail = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}{(body.Length > 0 ? ": " + body : "")}";
            if (response.IsSuccessStatusCode)
            {
                return DeliveryResult.Delivered(detail);
            }

            return IsWorthRetrying(response.StatusCode) ? DeliveryResult.RetryLater(detail) : DeliveryResult.Rejected(detail);
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Connection refused, DNS, TLS, or the client's timeout: the server may well be back later.
            return DeliveryResult.RetryLater(e is OperationCanceledException ? $"no answer within {_client.Timeout.TotalSeconds:0} s" : e.Message);
        }
    }

    /// <summary>Server errors, timeouts and throttling may pass; any other refusal (bad input, bad token) will not.</summary>
    internal static bool IsWorthRetrying(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    internal static async Task<string> ReadDetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = (await response.Content.ReadAsStringAsync(cancellationToken)).Trim().ReplaceLineEndings(" ");
        return body.Length <= MaxDetailLength ? body : body[..MaxDetailLength] + "...";
    }
}
