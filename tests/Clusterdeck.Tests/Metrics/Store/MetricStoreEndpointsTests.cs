using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Clusterdeck.Tests.Archive;
using Clusterdeck.Tests.Infrastructure;

namespace Clusterdeck.Tests.Metrics.Store;

/// <summary>cc-metric-store's routes (/api/write, /api/query, /api/free, /api/healthcheck) over real HTTP on the real host.</summary>
public sealed class MetricStoreEndpointsTests : IAsyncLifetime
{
    private readonly long _t0 = (DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 60 * 60) - 3600;
    private string _archive = null!;
    private ClusterdeckServer _server = null!;
    private HttpClient _client = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _archive = ReferenceArchive.CopyClustersToTemp();
        _server = await ClusterdeckServer.StartAsync([$"Archive:Path={_archive}"]);
        _client = _server.CreateClient();
        _client.DefaultRequestHeaders.Add("X-Auth-Token", await _server.AdminTokenAsync());
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
        Directory.Delete(_archive, recursive: true);
    }

    [Theory]
    [InlineData("/api/write?cluster=emmy", "/api/query")]
    [InlineData("/api/write/?cluster=emmy", "/api/query/?version=v2")]
    public async Task Write_ThenQuery_ReturnsThePoints(string writePath, string queryPath)
    {
        var write = await PostLinesAsync(writePath, $"""
            cpu_load,hostname=w1101,type=node value=1.5 {_t0}
            cpu_load,hostname=w1101,type=node value=2.5 {_t0 + 60}
            """);

        Assert.Equal(HttpStatusCode.OK, write.StatusCode);
        Assert.Equal("", await write.Content.ReadAsStringAsync(Token));
        var body = await QueryAsync(queryPath, $$"""
            {"cluster": "emmy", "from": {{_t0}}, "to": {{_t0 + 120}}, "queries": [{"metric": "cpu_load", "host": "w1101"}]}
            """);
        var result = body.GetProperty("results")[0][0];
        Assert.Equal([1.5, 2.5], result.GetProperty("data").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal(_t0, result.GetProperty("from").GetInt64());
        Assert.Equal(_t0 + 120, result.GetProperty("to").GetInt64());
        Assert.Equal(60, result.GetProperty("resolution").GetInt64());
        Assert.Equal(2.0, result.GetProperty("avg").GetDouble());
        Assert.Equal(1.5, result.GetProperty("min").GetDouble());
        Assert.Equal(2.5, result.GetProperty("max").GetDouble());
        Assert.False(body.TryGetProperty("queries", out _));
    }

    [Fact]
    public async Task Query_GetWithBody_AnswersAsPost()
    {
        await PostLinesAsync("/api/write?cluster=emmy", $"mem_used,hostname=w1102 value=4 {_t0}");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/query/")
        {
            Content = new StringContent($$"""{"cluster":"emmy","from":{{_t0}},"to":{{_t0 + 60}},"queries":[{"metric":"mem_used","host":"w1102"}],"with-stats":false}""", Encoding.UTF8, "application/json"),
        };
        var response = await _client.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        var result = body.RootElement.GetProperty("results")[0][0];
        Assert.Equal(4, result.GetProperty("data")[0].GetDouble());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("avg").ValueKind);
    }

    [Fact]
    public async Task Write_BadLine_BadRequestNamingTheLineAndNothingStored()
    {
        var response = await PostLinesAsync("/api/write?cluster=emmy", $"""
            mem_used,hostname=w1103 value=1 {_t0}
            mem_used,cluster=emmy value=2 {_t0 + 60}
            """);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        Assert.Equal("Bad Request", error.RootElement.GetProperty("status").GetString());
        Assert.StartsWith("line 2: the 'hostname' tag is missing", error.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        var body = await QueryAsync("/api/query", $$"""{"cluster":"emmy","from":{{_t0}},"to":{{_t0 + 120}},"queries":[{"metric":"mem_used","host":"w1103"}]}""");
        Assert.Equal("metric or host not found", body.GetProperty("results")[0][0].GetProperty("error").GetString());
    }

    [Fact]
    public async Task Write_LargeBody_Accepted()
    {
        // About 40 MB, beyond Kestrel's default 30 MB request limit.
        var lines = new StringBuilder();
        for (var i = 0; lines.Length < 40_000_000; i++)
        {
            lines.Append("cpu_user,hostname=w").Append(i % 5000).Append(",type=hwthread,type-id=").Append(i % 64)
                .Append(" value=1.25 ").Append(_t0).Append('\n');
        }

        var response = await PostLinesAsync("/api/write?cluster=fritz", lines.ToString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("POST", "/api/write?cluster=emmy")]
    [InlineData("POST", "/api/query")]
    [InlineData("POST", "/api/free?to=1")]
    [InlineData("GET", "/api/healthcheck?cluster=emmy&node=w1101")]
    public async Task Routes_WithoutToken_Unauthorized(string method, string path)
    {
        using var anonymous = _server.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("[]") };

        var response = await anonymous.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Free_SelectedHost_FreesItsOldChunksOnly()
    {
        await PostLinesAsync("/api/write?cluster=emmy", $"""
            mem_used,hostname=w1104 value=1 {_t0}
            cpu_load,hostname=w1104 value=1 {_t0}
            mem_used,hostname=w1105 value=1 {_t0}
            """);

        var response = await _client.PostAsync(
            new Uri($"/api/free?to={_t0 + 600}", UriKind.Relative), new StringContent("""[["emmy","w1104"]]"""), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("buffers freed: 2\n", await response.Content.ReadAsStringAsync(Token));
        var body = await QueryAsync("/api/query", $$"""
            {"cluster":"emmy","from":{{_t0}},"to":{{_t0 + 60}},"queries":[{"metric":"mem_used","host":"w1104"},{"metric":"mem_used","host":"w1105"}]}
            """);
        Assert.Equal("metric or host not found", body.GetProperty("results")[0][0].GetProperty("error").GetString());
        Assert.Equal(1, body.GetProperty("results")[1][0].GetProperty("data")[0].GetDouble());
    }

    [Theory]
    [InlineData("/api/free", "'to' is a required query parameter")]
    [InlineData("/api/free?to=soon", "'to' must be Unix seconds, not 'soon'")]
    public async Task Free_BadParameter_BadRequest(string path, string message)
    {
        var response = await _client.PostAsync(new Uri(path, UriKind.Relative), new StringContent("[]"), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        Assert.Equal(message, error.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task HealthCheck_FreshNode_Healthy_UnknownNode_BadRequest()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        await PostLinesAsync("/api/write?cluster=emmy", $"cpu_load,hostname=w1106 value=1 {now}\nmem_used,hostname=w1106 value=1 {now}");

        var healthy = await _client.GetAsync(new Uri("/api/healthcheck?cluster=emmy&node=w1106", UriKind.Relative), Token);
        var unknown = await _client.GetAsync(new Uri("/api/healthcheck?cluster=emmy&node=nope", UriKind.Relative), Token);
        var missing = await _client.GetAsync(new Uri("/api/healthcheck?cluster=emmy", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        Assert.Equal("Healthy", await healthy.Content.ReadAsStringAsync(Token));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("not found", await unknown.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    [Fact]
    public async Task HealthCheck_FiveStaleSeries_Unhealthy()
    {
        var old = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 3600;
        var lines = string.Join('\n', Enumerable.Range(0, 5).Select(i => $"cpu_user,hostname=w1107,type=hwthread,type-id={i} value=1 {old}"));
        await PostLinesAsync("/api/write?cluster=emmy", lines);

        var response = await _client.GetAsync(new Uri("/api/healthcheck/?cluster=emmy&node=w1107", UriKind.Relative), Token);

        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync(Token));
    }

    [Fact]
    public async Task Query_BadJson_BadRequestInCcShape()
    {
        var response = await _client.PostAsync(new Uri("/api/query", UriKind.Relative), new StringContent("{\"cluster\": 5}"), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        Assert.Equal("Bad Request", error.RootElement.GetProperty("status").GetString());
    }

    private async Task<HttpResponseMessage> PostLinesAsync(string path, string lines)
    {
        var content = new StringContent(lines, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        return await _client.PostAsync(new Uri(path, UriKind.Relative), content, Token);
    }

    private async Task<JsonElement> QueryAsync(string path, string json)
    {
        var response = await _client.PostAsync(new Uri(path, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"), Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
