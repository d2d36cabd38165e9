using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace Clusterdeck.Tests.Infrastructure;

/// <summary>
/// <c>clusterdeck serve</c> as a separate process on a free 127.0.0.1 port, for tests that must kill the server
/// the hard way (<see cref="KillAsync"/> sends SIGKILL) and start it again on the same data directory.
/// </summary>
public sealed class ClusterdeckProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ClusterdeckProcess(Process process, Uri baseAddress, string dataDirectory)
    {
        _process = process;
        BaseAddress = baseAddress;
        DataDirectory = dataDirectory;
    }

    public Uri BaseAddress { get; }

    public string DataDirectory { get; }

    /// <summary>
    /// Starts the server on <paramref name="dataDirectory"/> with <c>Section:Key=Value</c> <paramref name="settings"/>
    /// and waits until <c>/readyz</c> answers 200.
    /// </summary>
    public static async Task<ClusterdeckProcess> StartAsync(string dataDirectory, IEnumerable<string>? settings = null)
    {
        var port = LoopbackPort.FindFree();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "clusterdeck.dll"));
        foreach (var argument in (string[])["serve", "--urls", $"http://127.0.0.1:{port}", "--data-dir", dataDirectory, "--Logging:LogLevel:Default=Warning"])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var setting in settings ?? [])
        {
            start.ArgumentList.Add(setting.StartsWith("--", StringComparison.Ordinal) ? setting : "--" + setting);
        }

        var process = new Process { StartInfo = start };
        var server = new ClusterdeckProcess(process, baseAddress, dataDirectory);
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilReadyAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>What the server printed so far (stdout and stderr interleaved), for assertion messages.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>SIGKILL: no shutdown hook, no flush, no chance to finish what was in flight.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < ReadyTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"clusterdeck serve exited with code {_process.ExitCode}:{Environment.NewLine}{Output}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(BaseAddress, "readyz"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but slow to answer; ask again.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"clusterdeck serve was not ready within {ReadyTimeout.TotalSeconds:0} s:{Environment.NewLine}{Output}");
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }
}
