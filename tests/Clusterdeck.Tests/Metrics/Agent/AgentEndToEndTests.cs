using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Clusterdeck.Tests.Infrastructure;

namespace Clusterdeck.Tests.Metrics.Agent;

/// <summary>
/// The node agent against a real server over real HTTP: <c>clusterdeck agent</c> reads this machine's /proc, pushes line
/// protocol to <c>/api/write</c>, and the values come back from <c>/api/query</c> for this host; the same for the
/// in-process agent (<c>Agent:Enabled</c>), which writes to the store without HTTP.
/// </summary>
public sealed class AgentEndToEndTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly DirectoryInfo _files = Directory.CreateTempSubdirectory("clusterdeck-agent-e2e-");
    private ClusterdeckServer _server = null!;
    private string _token = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await ClusterdeckServer.StartAsync(prepare: directory => AgentTestCluster.WriteTo(TestArchive.Create(directory)));
        _token = await ApiTokenAsync(_server);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _files.Delete(recursive: true);
    }

    [Fact]
    public async Task AgentOnce_NoClusterGiven_ServerPicksClusterAndLiveValuesAreQueryable()
    {
        var tokenFile = Path.Combine(_files.FullName, "token");
        await File.WriteAllTextAsync(tokenFile, _token + "\n", Token);

        var result = await CommandResult.RunAsync("agent", "--server", _server.BaseAddress.ToString(), "--token-file", tokenFile, "--once");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains($"Host {AgentTestCluster.Hostname} is in cluster {AgentTestCluster.Name}", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(_token, result.Error + result.Output, StringComparison.Ordinal);

        using var client = QueryClient(_server);
        Assert.InRange(await LatestAsync(client, "cpu_load") ?? -1, 0, 10_000);
        Assert.InRange(await LatestAsync(client, "mem_used") ?? -1, 0.001, MemTotalGigabytes());
        Assert.InRange(await LatestAsync(client, "net_bw") ?? -1, 0, double.MaxValue);
        Assert.InRange(await LatestAsync(client, "file_bw") ?? -1, 0, double.MaxValue);
        var cpuUser = await LatestPerHwthreadAsync(client);
        Assert.Equal(Environment.ProcessorCount, cpuUser.Count);
        Assert.All(cpuUser, value => Assert.InRange(value ?? -1, 0, 100));
    }

    [Fact]
    public async Task AgentOnce_TokenRefused_ExitOneWithTheServersAnswerAndNoToken()
    {
        const string forged = "eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJub2JvZHkifQ.c2lnbmF0dXJl";

        var result = await CommandResult.RunAsync("agent", "--server", _server.BaseAddress.ToString(), "--token", forged, "--once");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("answered HTTP 401, so the cluster is 'default'", result.Error, StringComparison.Ordinal);
        Assert.Contains("refused", result.Error, StringComparison.Ordinal);
        Assert.Contains("HTTP 401", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(forged, result.Error + result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgentProcess_RunsUntilSigterm_PushesEveryIntervalAndExitsCleanly()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "clusterdeck.dll"), "agent", "--server", _server.BaseAddress.ToString(), "--cluster", AgentTestCluster.Name, "--interval", "1s"])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["CLUSTERDECK_TOKEN"] = _token; // not on the command line, so not in ps
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(Token);
        try
        {
            using var client = QueryClient(_server);
            // cpu_user needs two readings, so it shows that the agent keeps running and measuring.
            await WaitUntilAsync(async () => (await LatestPerHwthreadAsync(client)).All(v => v is not null));
            Assert.InRange(await LatestAsync(client, "cpu_load") ?? -1, 0, 10_000);
        }
        finally
        {
            await ProcessRunner.RunAsync("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10), cancellationToken: Token);
        }

        using var exit = CancellationTokenSource.CreateLinkedTokenSource(Token);
        exit.CancelAfter(TimeSpan.FromSeconds(20));
        await process.WaitForExitAsync(exit.Token);
        var log = await stderr;
        Assert.True(process.ExitCode == 0, log);
        Assert.Contains("Node agent delivered its first", log, StringComparison.Ordinal);
        Assert.Contains($"Node agent for host {AgentTestCluster.Hostname} stopped", log, StringComparison.Ordinal);
        Assert.DoesNotContain(_token, log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InProcessAgent_Enabled_WritesThisNodesMetricsWithoutHttp()
    {
        await using var server = await ClusterdeckServer.StartAsync(
            ["Agent:Enabled=true", "Agent:Interval=1s"],
            prepare: directory => AgentTestCluster.WriteTo(TestArchive.Create(directory)));
        using var client = QueryClient(server, await ApiTokenAsync(server));

        await WaitUntilAsync(async () => (await LatestPerHwthreadAsync(client)).All(v => v is not null));

        Assert.InRange(await LatestAsync(client, "cpu_load") ?? -1, 0, 10_000);
        Assert.InRange(await LatestAsync(client, "mem_used") ?? -1, 0.001, MemTotalGigabytes());
    }

    private static async Task<string> ApiTokenAsync(ClusterdeckServer server)
    {
        var add = await server.RunCommandAsync("user", "add", "collector", "--roles", "api", "--password", "pw-collector-unused");
        Assert.True(add.ExitCode == 0, add.Error);
        return (await server.RunCommandAsync("token", "collector")).SingleLine();
    }

    private HttpClient QueryClient(ClusterdeckServer server, string? token = null)
    {
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token ?? _token);
        return client;
    }

    /// <summary>The newest non-null node-scope value of <paramref name="metric"/> for this host in the last ten minutes.</summary>
    private static async Task<double?> LatestAsync(HttpClient client, string metric)
    {
        var results = await QueryAsync(client, new { metric, host = AgentTestCluster.Hostname, aggreg = false, resolution = 0 });
        return Latest(Assert.Single(results));
    }

    /// <summary>The newest non-null <c>cpu_user</c> of each hwthread of this host.</summary>
    private static async Task<IReadOnlyList<double?>> LatestPerHwthreadAsync(HttpClient client)
    {
        var ids = Enumerable.Range(0, Environment.ProcessorCount).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var results = await QueryAsync(client, new Dictionary<string, object>
        {
            ["metric"] = "cpu_user",
            ["host"] = AgentTestCluster.Hostname,
            ["type"] = "hwthread",
            ["type-ids"] = ids,
            ["aggreg"] = false,
            ["resolution"] = 0,
        });
        Assert.Equal(ids.Length, results.Count);
        return [.. results.Select(Latest)];
    }

    private static async Task<IReadOnlyList<JsonElement>> QueryAsync(HttpClient client, object query)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var body = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["cluster"] = AgentTestCluster.Name,
            ["from"] = now - 600,
            ["to"] = now + 120,
            ["with-stats"] = false,
            ["with-data"] = true,
            ["queries"] = new[] { query },
        });
        using var response = await client.PostAsync(
            new Uri("/api/query?version=v2", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"), Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text);
        return [.. document.RootElement.GetProperty("results")[0].EnumerateArray().Select(r => r.Clone())];
    }

    private static double? Latest(JsonElement result)
    {
        if (!result.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        return data.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.Number).Select(v => (double?)v.GetDouble()).LastOrDefault();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < Patience, $"not seen within {Patience.TotalSeconds:0} s");
            await Task.Delay(250, Token);
        }
    }

    private static double MemTotalGigabytes()
    {
        var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024 / 1e9;
    }
}
