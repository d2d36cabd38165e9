using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Clusterdeck.Core.Metrics.Query;

namespace Clusterdeck.Core.Metrics.Sources;

/// <summary>
/// cc-metric-store's query protocol over HTTP: an external cc-metric-store, or another Clusterdeck's <c>/api/query</c>.
/// Sends what cc-backend sends: <c>GET {url}/api/query?version=v2</c> with the JSON request as body (cc-metric-store
/// routes only GET there) and <c>Authorization: Bearer &lt;token&gt;</c>.
/// </summary>
public sealed class CcMetricStoreClient : IMetricQueryProtocol, IDisposable
{
    private const int MaxErrorBodyChars = 2_000;

    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly TimeSpan _timeout;

    /// <param name="baseUrl">Where the store answers, e.g. <c>http://metrics:8082</c>.</param>
    /// <param name="token">The bearer token, or null for a store without authentication.</param>
    /// <param name="timeout">The longest one query may take, body included.</param>
    public CcMetricStoreClient(Uri baseUrl, string? token, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        _endpoint = new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/api/query?version=v2");
        _timeout = timeout;
        _http = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = System.Net.DecompressionMethods.All,
        })
        {
            // The per-request token below enforces the limit; HttpClient's own would turn it into a bare TaskCanceledException.
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
        if (!string.IsNullOrEmpty(token))
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    public async Task<MetricQueryResponse> QueryAsync(MetricQueryRequest request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        using var message = new HttpRequestMessage(HttpMethod.Get, _endpoint)
        {
            Content = JsonContent.Create(request, MetricSourceJsonContext.Default.MetricQueryRequest),
        };
        try
        {
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(timeout.Token);
                throw new MetricSourceException(
                    $"cc-metric-store at {_endpoint.GetLeftPart(UriPartial.Path)} answered {(int)response.StatusCode} {response.ReasonPhrase}: {ErrorMessage(body)}");
            }

            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
            return await JsonSerializer.DeserializeAsync(stream, MetricSourceJsonContext.Default.MetricQueryResponse, timeout.Token)
                ?? throw new MetricSourceException($"cc-metric-store at {_endpoint.GetLeftPart(UriPartial.Path)} answered null");
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new MetricSourceException($"cc-metric-store at {_endpoint.GetLeftPart(UriPartial.Path)} did not answer within {_timeout}", e);
        }
        catch (HttpRequestException e)
        {
            throw new MetricSourceException($"cc-metric-store at {_endpoint.GetLeftPart(UriPartial.Path)} cannot be reached: {e.Message}", e);
        }
        catch (JsonException e)
        {
            throw new MetricSourceException($"cc-metric-store at {_endpoint.GetLeftPart(UriPartial.Path)} answered something that is not a query response: {e.Message}", e);
        }
    }

    public void Dispose() => _http.Dispose();

    /// <summary>The remote's own message: the <c>error</c> of a JSON error body, else the text (shortened).</summary>
    internal static string ErrorMessage(string body)
    {
        try
        {
            if (JsonSerializer.Deserialize(body, MetricSourceJsonContext.Default.RemoteError) is { Error: { Length: > 0 } error })
            {
                return error;
            }
        }
        catch (JsonException)
        {
            // Not JSON: the text itself is the message.
        }

        var text = body.Trim();
        return text.Length == 0 ? "(empty body)" : text.Length > MaxErrorBodyChars ? text[..MaxErrorBodyChars] + "…" : text;
    }
}
