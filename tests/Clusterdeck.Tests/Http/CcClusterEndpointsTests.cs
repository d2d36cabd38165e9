using System.Net;
using System.Text.Json;
using Clusterdeck.Tests.Archive;
using Clusterdeck.Tests.Infrastructure;

namespace Clusterdeck.Tests.Http;

/// <summary>cc-backend's <c>GET /api/clusters/</c> over real HTTP, on an archive holding the reference clusters.</summary>
public sealed class CcClusterEndpointsTests : IAsyncLifetime
{
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

    [Fact]
    public async Task GetClusters_NoParameter_ListsEveryClusterWithDerivedSubClusterLists()
    {
        var response = await _client.GetAsync(new Uri("/api/clusters/", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        var clusters = body.RootElement.GetProperty("clusters");
        Assert.Equal(["alex", "emmy", "fritz"], clusters.EnumerateArray().Select(c => c.GetProperty("name").GetString()));

        var fritz = clusters[2];
        Assert.Equal(19, fritz.GetProperty("metricConfig").GetArrayLength());
        var spr2tb = fritz.GetProperty("subClusters").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "spr2tb");
        Assert.Equal("f[2181-2188,2281-2288]", spr2tb.GetProperty("nodes").GetString());
        Assert.Equal(["cpu_load", "mem_used"], spr2tb.GetProperty("footprint").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(["cpu_power", "mem_power"], spr2tb.GetProperty("energyFootprint").EnumerateArray().Select(f => f.GetString()));
        var metricNames = spr2tb.GetProperty("metricConfig").EnumerateArray().Select(m => m.GetProperty("name").GetString()).ToList();
        Assert.DoesNotContain("flops_any", metricNames);
        Assert.Contains("cpu_load", metricNames);
        Assert.Equal(2048, spr2tb.GetProperty("metricConfig").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "mem_used").GetProperty("peak").GetDouble());
        Assert.Equal(
            spr2tb.GetProperty("socketsPerNode").GetInt32() * spr2tb.GetProperty("coresPerSocket").GetInt32() * spr2tb.GetProperty("threadsPerCore").GetInt32(),
            spr2tb.GetProperty("topology").GetProperty("node").GetArrayLength());

        var emmyHaswell = clusters[1].GetProperty("subClusters")[0];
        Assert.False(emmyHaswell.TryGetProperty("footprint", out _)); // omitted when empty, as Go's omitempty does
    }

    [Fact]
    public async Task GetClusters_KnownCluster_ListsOnlyThatOne()
    {
        using var body = JsonDocument.Parse(await _client.GetStringAsync(new Uri("/api/clusters/?cluster=alex", UriKind.Relative), Token));

        var clusters = body.RootElement.GetProperty("clusters");
        Assert.Equal(1, clusters.GetArrayLength());
        Assert.Equal("alex", clusters[0].GetProperty("name").GetString());
        Assert.Equal("Nvidia GPU", clusters[0].GetProperty("subClusters")[0].GetProperty("topology").GetProperty("accelerators")[0].GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("/api/clusters/?cluster=nope", "unknown cluster: nope")]
    [InlineData("/api/clusters/?cluster=", "unknown cluster: ")]
    [InlineData("/api/clusters/?cluster=..%2Ffritz", "unknown cluster: ../fritz")]
    public async Task GetClusters_UnknownCluster_BadRequestInCcBackendShape(string url, string message)
    {
        var response = await _client.GetAsync(new Uri(url, UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        Assert.Equal("Bad Request", body.RootElement.GetProperty("status").GetString());
        Assert.Equal(message, body.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task GetClusters_WithoutToken_Unauthorized()
    {
        using var anonymous = _server.CreateClient();

        var response = await anonymous.GetAsync(new Uri("/api/clusters/", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
