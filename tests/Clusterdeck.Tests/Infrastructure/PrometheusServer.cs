using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Clusterdeck.Tests.Infrastructure;

/// <summary>
/// A real Prometheus scraping a real node exporter (Debian's <c>prometheus</c> and <c>prometheus-node-exporter</c>),
/// both on free loopback ports with their data in a temp directory, scraping every second. Known values come in
/// through the node exporter's textfile collector: a sample written there with an <c>instance</c> label is stored
/// with that label renamed to <c>exported_instance</c> (the target's own <c>instance</c> wins), which is the label
/// cc-backend reads hostnames from. The node exporter's own metrics (load, memory, ...) get
/// <c>exported_instance</c> = <see cref="LocalHost"/> by relabelling, so they read as one more host.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    public const string PrometheusProgram = "/usr/bin/prometheus";
    public const string NodeExporterProgram = "/usr/bin/prometheus-node-exporter";
    private const int MaxCapturedOutput = 64 * 1024;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly string _root;
    private readonly List<(Process Process, StringBuilder Output)> _processes = [];

    private PrometheusServer(string root, string localHost)
    {
        _root = root;
        LocalHost = localHost;
    }

    /// <summary>Prometheus' base URL, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>The hostname the node exporter's own metrics carry in <c>exported_instance</c>.</summary>
    public string LocalHost { get; }

    /// <summary>What is missing to run the servers, or null when both programs are installed.</summary>
    public static string? MissingPrograms()
    {
        var missing = new[] { PrometheusProgram, NodeExporterProgram }.Where(p => !File.Exists(p)).ToList();
        return missing.Count == 0
            ? null
            : $"Prometheus is not installed (missing {string.Join(", ", missing)}); install the prometheus and prometheus-node-exporter packages";
    }

    /// <summary>Starts both servers; <paramref name="textfiles"/> (file name → content, <c>.prom</c> format) are in place before the first scrape.</summary>
    public static async Task<PrometheusServer> StartAsync(IReadOnlyDictionary<string, string> textfiles, string localHost)
    {
        var server = new PrometheusServer(Directory.CreateTempSubdirectory("clusterdeck-prometheus-").FullName, localHost);
        try
        {
            var textDirectory = Path.Combine(server._root, "textfiles");
            Directory.CreateDirectory(textDirectory);
            foreach (var (name, content) in textfiles)
            {
                await File.WriteAllTextAsync(Path.Combine(textDirectory, name), content);
            }

            var exporterPort = await server.StartWithRetriesAsync("node exporter", port =>
            [
                NodeExporterProgram,
                $"--web.listen-address=127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
                $"--collector.textfile.directory={textDirectory}",
                // No systemd or D-Bus on test machines: without this the collector logs an error on every scrape.
                "--no-collector.systemd",
            ]);
            var configFile = Path.Combine(server._root, "prometheus.yml");
            await File.WriteAllTextAsync(configFile, Configuration(exporterPort, localHost));
            var prometheusPort = await server.StartWithRetriesAsync("prometheus", port =>
            [
                PrometheusProgram,
                $"--config.file={configFile}",
                $"--storage.tsdb.path={Path.Combine(server._root, "data")}",
                $"--web.listen-address=127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
            ]);
            server.Url = new Uri($"http://127.0.0.1:{prometheusPort.ToString(CultureInfo.InvariantCulture)}");
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Waits until an instant query for <paramref name="promql"/> has returned a sample for at least
    /// <paramref name="history"/>; returns when its first sample was seen (Unix seconds).
    /// </summary>
    public async Task<long> WaitForHistoryAsync(string promql, TimeSpan history, TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Url };
        var deadline = DateTime.UtcNow + timeout;
        long? first = null;
        while (DateTime.UtcNow < deadline)
        {
            var url = $"/api/v1/query?query={Uri.EscapeDataString(promql)}";
            using var answer = await http.GetFromJsonAsync<JsonDocument>(url);
            var hasSample = answer!.RootElement.GetProperty("data").GetProperty("result").GetArrayLength() > 0;
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            if (hasSample)
            {
                first ??= now;
                if (now - first >= history.TotalSeconds)
                {
                    return first.Value;
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        throw new TimeoutException($"Prometheus had no {history.TotalSeconds} s of '{promql}' within {timeout.TotalSeconds} s.{Environment.NewLine}{Output()}");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (process, _) in _processes)
        {
            ProcessRunner.Kill(process);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(timeout.Token);
            process.Dispose();
        }

        _processes.Clear();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    // The textfile samples' own "instance" label is renamed to exported_instance on scrape; the exporter's own
    // metrics have none, and get the local host's name there instead.
    private static string Configuration(int exporterPort, string localHost) => $"""
        global:
          scrape_interval: 1s
          scrape_timeout: 1s
          evaluation_interval: 1s
        scrape_configs:
          - job_name: node
            static_configs:
              - targets: ['127.0.0.1:{exporterPort.ToString(CultureInfo.InvariantCulture)}']
            metric_relabel_configs:
              - source_labels: [exported_instance]
                regex: ''
                target_label: exported_instance
                replacement: '{localHost}'

        """;

    /// <summary>A port found free can be taken before the server binds it; then start again on another.</summary>
    private async Task<int> StartWithRetriesAsync(string name, Func<int, string[]> commandLine)
    {
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            var port = LoopbackPort.FindFree();
            var command = commandLine(port);
            var output = new StringBuilder();
            var process = new Process
            {
                StartInfo = new ProcessStartInfo(command[0])
                {
                    UseShellExecute = false,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    WorkingDirectory = _root,
                },
            };
            foreach (var argument in command[1..])
            {
                process.StartInfo.ArgumentList.Add(argument);
            }

            process.OutputDataReceived += (_, e) => Capture(output, e.Data);
            process.ErrorDataReceived += (_, e) => Capture(output, e.Data);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            _processes.Add((process, output));
            if (await LoopbackPort.WaitUntilAcceptingAsync(port, StartTimeout, () => process.HasExited))
            {
                return port;
            }

            ProcessRunner.Kill(process);
            if (attempt == attempts)
            {
                throw new InvalidOperationException($"{name} did not start.{Environment.NewLine}{output}");
            }
        }
    }

    private static void Capture(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            if (output.Length < MaxCapturedOutput)
            {
                output.AppendLine(line);
            }
        }
    }

    private string Output() => string.Join(Environment.NewLine, _processes.Select(p =>
    {
        lock (p.Output)
        {
            return p.Output.ToString();
        }
    }));
}
