using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Clusterdeck.Tests.Infrastructure;

/// <summary>
/// <c>clusterdeck demo</c> as a separate process on a free 127.0.0.1 port: it runs until interrupted, spawns processes
/// of its own and must be stopped by a signal (SIGTERM for the orderly stop, SIGKILL for a crash), which an in-process
/// run cannot receive.
/// </summary>
public sealed partial class DemoProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(120);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private DemoProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>What the demo printed so far (stdout and stderr interleaved).</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>The password of the login the demo printed.</summary>
    public string Password => PasswordLine().Match(Output) is { Success: true } match
        ? match.Groups["password"].Value
        : throw new InvalidOperationException($"no login in the demo's output:{Environment.NewLine}{Output}");

    /// <summary>Starts <c>clusterdeck demo --data-dir DIR --urls http://127.0.0.1:PORT ARGS</c> and waits for its "ready" banner.</summary>
    public static async Task<DemoProcess> StartAsync(string dataDirectory, params string[] arguments)
    {
        var port = LoopbackPort.FindFree();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "clusterdeck.dll"));
        foreach (var argument in (string[])["demo", "--data-dir", dataDirectory, "--urls", $"http://127.0.0.1:{port}", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        var demo = new DemoProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => demo.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => demo.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await demo.WaitForOutputAsync("Clusterdeck demo ready", ReadyTimeout);
        }
        catch
        {
            await demo.DisposeAsync();
            throw;
        }

        return demo;
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Waits until the output contains <paramref name="text"/>; fails when the process exits first or the time is up.</summary>
    private async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited)
            {
                // The last lines may still be on their way through the pipe.
                await Task.Delay(200);
                if (Output.Contains(text, StringComparison.Ordinal))
                {
                    return;
                }

                throw new InvalidOperationException($"clusterdeck demo exited with code {_process.ExitCode} before printing '{text}':{Environment.NewLine}{Output}");
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"clusterdeck demo did not print '{text}' within {timeout.TotalSeconds:0} s:{Environment.NewLine}{Output}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>
    /// SIGTERM, which the demo handles as it handles Ctrl-C, then waits for the process to exit; returns its exit code.
    /// Not SIGINT: a test run started in the background of a non-interactive shell hands its children SIGINT ignored.
    /// </summary>
    public async Task<int> TerminateAsync()
    {
        await ProcessRunner.RunAsync("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10));

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(deadline.Token);
        // WaitForExitAsync returns once the process is gone; the redirected output may lag a moment behind.
        await Task.Delay(200);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL to the demo alone (not its children): no shutdown hook, no chance to report its live jobs.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    [GeneratedRegex(@"Log in as\s+demo\s+password\s+(?<password>\S+)")]
    private static partial Regex PasswordLine();
}
