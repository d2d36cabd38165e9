using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Clusterdeck.Bench;

/// <summary>
/// A real <c>clusterdeck serve</c> process on a free 127.0.0.1 port. Its clock starts just before the
/// process does, and every output line is kept with the time it arrived. Disposing kills the process
/// tree and waits for it, so a failed benchmark never leaves a server behind.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly ConcurrentQueue<OutputLine> _output = new();

    private ServerProcess(Process process, Uri baseAddress, Stopwatch clock)
    {
        _process = process;
        BaseAddress = baseAddress;
        Clock = clock;
    }

    public Uri BaseAddress { get; }

    /// <summary>Started immediately before <see cref="Process.Start()"/>.</summary>
    public Stopwatch Clock { get; }

    public DateTimeOffset StartedAtUtc { get; private set; }

    public int Id => _process.Id;

    public IReadOnlyCollection<OutputLine> Output => _output;

    /// <summary>User plus system CPU time the server has used so far.</summary>
    /// <exception cref="BenchmarkFailedException">The server is no longer running.</exception>
    public TimeSpan CpuTime
    {
        get
        {
            ThrowIfExited("during the benchmark");
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static ServerProcess Start(
        string serverDll, string dataDirectory, IReadOnlyDictionary<string, string> environment, IEnumerable<string> extraArguments)
    {
        var port = FreeLoopbackPort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var start = ClusterdeckCli.CreateStartInfo(serverDll, ["serve", "--urls", $"http://127.0.0.1:{port}", "--data-dir", dataDirectory, .. extraArguments]);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var clock = new Stopwatch();
        var server = new ServerProcess(process, baseAddress, clock);
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);

        server.StartedAtUtc = DateTimeOffset.UtcNow;
        clock.Start();
        if (!process.Start())
        {
            throw new BenchmarkFailedException($"could not start {serverDll}");
        }

        // Drained from the start: a full pipe would block the server's logger and distort every number.
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Polls <c>/readyz</c> every <paramref name="interval"/> until it answers 200; returns the time since process start.</summary>
    public async Task<TimeSpan> WaitUntilReadyAsync(HttpClient client, TimeSpan interval, TimeSpan timeout)
    {
        var readyz = new Uri(BaseAddress, "readyz");
        while (true)
        {
            var attemptStarted = Clock.Elapsed;
            ThrowIfExited("before it was ready");

            if (attemptStarted > timeout)
            {
                throw new BenchmarkFailedException($"/readyz did not answer 200 within {timeout.TotalSeconds:0} s:{Environment.NewLine}{OutputTail()}");
            }

            try
            {
                using var attempt = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                using var response = await client.GetAsync(readyz, attempt.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return Clock.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (OperationCanceledException)
            {
                // Listening but not answering within the attempt's limit; try again.
            }

            var wait = interval - (Clock.Elapsed - attemptStarted);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
        }
    }

    public string OutputTail(int lines = 30) =>
        string.Join(Environment.NewLine, _output.TakeLast(lines).Select(line => line.Text));

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var wait = new CancellationTokenSource(ExitWait);
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine($"warning: server process {_process.Id} did not exit within {ExitWait.TotalSeconds:0} s of being killed");
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static int FreeLoopbackPort()
    {
        // The port is released before the server binds it; on a benchmark machine nothing else races for it.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void ThrowIfExited(string when)
    {
        if (_process.HasExited)
        {
            // 137 or 143 without output usually means something outside the benchmark killed the server.
            throw new BenchmarkFailedException($"the server exited with code {_process.ExitCode} {when}:{Environment.NewLine}{OutputTail()}");
        }
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(new OutputLine(Clock.Elapsed, line));
        }
    }
}
