using System.Net;
using System.Text;
using System.Text.Json;
using Clusterdeck.Tests.Archive;
using Clusterdeck.Tests.Infrastructure;

namespace Clusterdeck.Tests.Metrics.Store;

/// <summary>
/// With checkpoints on, points acknowledged by <c>/api/write</c> survive SIGKILL of a real <c>clusterdeck serve</c>
/// process: from the write-ahead log alone, and from a snapshot plus the log written after it.
/// </summary>
public sealed class MetricCheckpointRestartTests : IAsyncLifetime
{
    private const int Hosts = 50;
    private readonly long _t0 = (DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 60 * 60) - 7200;
    private string _data = null!;
    private string _archive = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _data = Directory.CreateTempSubdirectory("clusterdeck-ckpt-").FullName;
        _archive = ReferenceArchive.CopyClustersToTemp();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_data, recursive: true);
        Directory.Delete(_archive, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Theory]
    [InlineData("1h", false)]
    [InlineData("1s", true)]
    public async Task Write_KilledAndRestarted_EveryAcknowledgedPointIsBack(string interval, bool waitForSnapshot)
    {
        string[] settings = [$"Archive:Path={_archive}", "MetricStore:Checkpoints:Enabled=true", $"MetricStore:Checkpoints:Interval={interval}"];
        var expected = new Dictionary<string, float[]>();
        await using (var server = await ClusterdeckProcess.StartAsync(_data, settings))
        {
            using var client = await ClientAsync(server, settings);
            await WriteAsync(client, expected, minutes: 0..30);
            if (waitForSnapshot)
            {
                await WaitForSnapshotAsync();
            }

            await WriteAsync(client, expected, minutes: 30..60);
            await server.KillAsync();
        }

        await using var restarted = await ClusterdeckProcess.StartAsync(_data, settings);
        using var again = await ClientAsync(restarted, settings);
        var queries = string.Join(',', expected.Keys.Select(host => $$"""{"metric":"cpu_load","host":"{{host}}"}"""));
        var response = await again.PostAsync(
            new Uri("/api/query", UriKind.Relative),
            new StringContent($$"""{"cluster":"emmy","from":{{_t0}},"to":{{_t0 + 3600}},"queries":[{{queries}}]}""", Encoding.UTF8, "application/json"),
            Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        using var body = JsonDocument.Parse(text);
        var results = body.RootElement.GetProperty("results");
        var i = 0;
        foreach (var (host, values) in expected)
        {
            var result = results[i++][0];
            Assert.False(result.TryGetProperty("error", out var error), $"{host}: {error}");
            Assert.Equal(values, result.GetProperty("data").EnumerateArray().Select(v => v.GetSingle()));
        }
    }

    private async Task<HttpClient> ClientAsync(ClusterdeckProcess server, string[] settings)
    {
        var token = (await CommandResult.RunAsync(["token", "admin", $"--Storage:DataDirectory={_data}", .. settings.Select(s => "--" + s)])).SingleLine();
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Add("X-Auth-Token", token);
        return client;
    }

    /// <summary>One body per minute of the range, a value per host, each acknowledged with 200 before the next.</summary>
    private async Task WriteAsync(HttpClient client, Dictionary<string, float[]> expected, Range minutes)
    {
        for (var minute = minutes.Start.Value; minute < minutes.End.Value; minute++)
        {
            var lines = new StringBuilder();
            for (var h = 0; h < Hosts; h++)
            {
                var host = $"w11{h:D2}";
                var values = expected.TryGetValue(host, out var existing) ? existing : expected[host] = new float[60];
                values[minute] = (h * 100) + minute + 0.25f;
                lines.Append(System.Globalization.CultureInfo.InvariantCulture, $"cpu_load,hostname={host},type=node value={values[minute]} {_t0 + (minute * 60)}\n");
            }

            var response = await client.PostAsync(new Uri("/api/write?cluster=emmy", UriKind.Relative), new StringContent(lines.ToString()), Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private async Task WaitForSnapshotAsync()
    {
        var directory = Path.Combine(_data, "metric-checkpoints");
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (Directory.Exists(directory) && Directory.EnumerateFiles(directory, "snapshot-*.bin").Any())
            {
                return;
            }

            await Task.Delay(100, Token);
        }

        Assert.Fail($"no snapshot was written in {directory}");
    }
}
