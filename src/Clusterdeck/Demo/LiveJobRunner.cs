using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Demo;
using Clusterdeck.Core.Jobs;
using Clusterdeck.Core.Jobs.Queries;

namespace Clusterdeck.Demo;

/// <summary>
/// Keeps a few real processes running on this node as live jobs of the demo cluster, reported the way a batch system
/// reports them: <c>POST /api/jobs/start_job/</c> when a process starts and <c>stop_job</c> when it ends, with an
/// API token. Each slot runs one <see cref="LiveWorkload"/> after the other, each for 2–10 minutes, so jobs come and
/// go; <see cref="StopAsync"/> kills the running processes and reports their jobs cancelled.
/// </summary>
internal sealed partial class LiveJobRunner(
    HttpClient api, string hostname, int hwThreads, TextWriter output, TimeProvider timeProvider, ILogger<LiveJobRunner> logger) : IAsyncDisposable
{
    /// <summary>The metadata key holding the process id of a live job.</summary>
    public const string PidKey = "pid";

    private const int MinimumSeconds = 120;
    private const int MaximumSeconds = 600;

    /// <summary>How long the start waits for the slots' first jobs before the banner goes out anyway.</summary>
    private static readonly TimeSpan FirstReportTimeout = TimeSpan.FromSeconds(30);

    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _slots = [];
    private readonly TextWriter _output = TextWriter.Synchronized(output);
    private readonly SemaphoreSlim _nodeStateGate = new(1, 1);
    private long _lastJobId;
    private int _running;

    /// <summary>
    /// Stops the demo cluster's jobs that still run, left behind by a demo that was killed: they are reported
    /// <c>failed</c> at the current time, as a batch system reports jobs whose node went away. Returns how many.
    /// </summary>
    public async Task<int> StopStaleAsync(JobQueryService queries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var running = await queries.QueryAsync(Caller.Console, new JobQuery
        {
            Filters = [new JobFilter { Cluster = StringInput.Equal(DemoCluster.Name), State = [JobStates.Running] }],
            Page = new PageRequest(-1),
            IncludeCount = false,
        }, cancellationToken);
        foreach (var job in running.Items)
        {
            await StopJobAsync(job.JobId, job.StartTime, JobStates.Failed, cancellationToken);
            await _output.WriteLineAsync($"Stopped live job {job.JobId} left running by an earlier demo (marked failed).");
        }

        return running.Items.Count;
    }

    /// <summary>Starts one loop per slot; jobIds count up from after the highest jobId of the demo cluster.</summary>
    public async Task StartAsync(JobQueryService queries, int slots, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var newest = await queries.QueryAsync(Caller.Console, new JobQuery
        {
            Filters = [new JobFilter { Cluster = StringInput.Equal(DemoCluster.Name) }],
            Order = new JobOrder("jobId", Descending: true),
            Page = new PageRequest(1),
            IncludeCount = false,
        }, cancellationToken);
        _lastJobId = newest.Items.Count > 0 ? newest.Items[0].JobId : 0;
        // Listed in the node table from the start, also without live jobs.
        await ReportNodeStateAsync();
        var firstReported = new List<Task>(slots);
        for (var slot = 0; slot < slots; slot++)
        {
            var workload = LiveWorkload.All[slot % LiveWorkload.All.Count];
            var hwThread = slot % Math.Max(hwThreads, 1);
            // Each slot its own sequence, different on every run: lifetimes and users should not march in step.
            var random = new Random(Random.Shared.Next());
            var reported = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            firstReported.Add(reported.Task);
            _slots.Add(Task.Run(() => RunSlotAsync(workload, hwThread, random, reported, _stopping.Token), CancellationToken.None));
        }

        // The banner that follows says the live jobs run: wait until each slot has reported its first job (or failed to).
        await Task.WhenAny(Task.WhenAll(firstReported), Task.Delay(FirstReportTimeout, cancellationToken));
    }

    /// <summary>Kills the running processes and reports their jobs cancelled; returns when every slot has stopped.</summary>
    public async Task StopAsync()
    {
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync();
        }

        await Task.WhenAll(_slots);
    }

    /// <summary>Stops what still runs (when the demo fails before its orderly stop) and releases the stop signal.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stopping.Dispose();
        _nodeStateGate.Dispose();
    }

    private async Task RunSlotAsync(LiveWorkload workload, int hwThread, Random random, TaskCompletionSource firstReported, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await RunJobAsync(workload, hwThread, random.Next(MinimumSeconds, MaximumSeconds + 1), random, firstReported, stopping);
                // A short gap between jobs, as a queue would leave.
                await Task.Delay(TimeSpan.FromSeconds(random.Next(5, 20)), stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or InvalidOperationException or Win32Exception or IOException)
            {
                // The server refused or the process could not start: say so and try again later rather than give up the slot.
                LogSlotFailed(e, workload.Name);
                firstReported.TrySetResult();
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(30), stopping);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task RunJobAsync(LiveWorkload workload, int hwThread, int seconds, Random random, TaskCompletionSource reported, CancellationToken stopping)
    {
        var users = DemoPeople.Users;
        var user = users[random.Next(Math.Min(8, users.Count))];
        var script = workload.Script(seconds);
        using var process = StartProcess(workload, script, hwThread);
        var jobId = Interlocked.Increment(ref _lastJobId);
        var startTime = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        try
        {
            await StartJobAsync(new Job
            {
                JobId = jobId,
                User = user.Username,
                Project = user.Projects[0],
                Cluster = DemoCluster.Name,
                SubCluster = DemoCluster.LiveSubClusterName,
                Partition = "live",
                NumNodes = 1,
                NumHwthreads = 1,
                Shared = SharedModes.MultiUser,
                StartTime = startTime,
                Walltime = (seconds + 599) / 600 * 600,
                SubmitTime = startTime,
                Resources = [new JobResource { Hostname = hostname, HwThreads = [hwThread] }],
                MetaData = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["jobName"] = workload.Name,
                    ["jobScript"] = script,
                    [PidKey] = process.Id.ToString(CultureInfo.InvariantCulture),
                },
            }, stopping);
        }
        catch
        {
            Kill(process);
            throw;
        }

        LogStarted(jobId, workload.Name, process.Id, seconds);
        reported.TrySetResult();
        try
        {
            Interlocked.Increment(ref _running);
            await ReportNodeStateAsync();
            string state;
            var cancelled = false;
            try
            {
                await process.WaitForExitAsync(stopping);
                state = process.ExitCode == 0 ? JobStates.Completed : JobStates.Failed;
            }
            catch (OperationCanceledException)
            {
                Kill(process);
                state = JobStates.Cancelled;
                cancelled = true;
            }

            // Reported even while the demo stops: the server is still up until every slot has returned.
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await StopJobAsync(jobId, startTime, state, deadline.Token);
            LogStopped(jobId, workload.Name, process.Id, state);
            if (cancelled)
            {
                await _output.WriteLineAsync($"Stopped live job {jobId} ({workload.Name}, pid {process.Id}): {state}.");
            }
        }
        finally
        {
            // Whatever went wrong, no process outlives its job's slot.
            Kill(process);
            Interlocked.Decrement(ref _running);
            await ReportNodeStateAsync();
        }
    }

    private static Process StartProcess(LiveWorkload workload, string script, int hwThread)
    {
        // nice: the demo's load must yield to anything else on the machine.
        var start = new ProcessStartInfo("nice")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])["-n", "15", "sh", "-c", script, $"clusterdeck-demo-{workload.Name}"])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment[LiveWorkload.ParentVariable] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"the {workload.Name} process did not start");
        process.StandardInput.Close();
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (hwThread < 64 && (OperatingSystem.IsLinux() || OperatingSystem.IsWindows()))
        {
            try
            {
                // On its job's hardware thread, so the per-core plots show whose load it is (children inherit it).
                process.ProcessorAffinity = (nint)(1L << hwThread);
            }
            catch (Exception e) when (e is Win32Exception or InvalidOperationException)
            {
                // Already gone, or affinity not allowed here: the job runs unpinned.
            }
        }

        return process;
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception)
        {
            // Exited meanwhile.
        }
    }

    private async Task StartJobAsync(Job job, CancellationToken cancellationToken)
    {
        using var response = await api.PostAsJsonAsync("api/jobs/start_job/", job, Json, cancellationToken);
        await EnsureSuccessAsync(response, $"start_job {job.JobId}", cancellationToken);
    }

    private async Task StopJobAsync(long jobId, long startTime, string state, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["jobId"] = jobId,
            ["cluster"] = DemoCluster.Name,
            ["startTime"] = startTime,
            ["jobState"] = state,
            ["stopTime"] = Math.Max(startTime, timeProvider.GetUtcNow().ToUnixTimeSeconds()),
        };
        using var response = await api.PostAsJsonAsync("api/jobs/stop_job/", body, cancellationToken);
        await EnsureSuccessAsync(response, $"stop_job {jobId}", cancellationToken);
    }

    /// <summary>
    /// This node's scheduler state as a batch system reports it (<c>/api/nodestate/</c>): idle, mixed or allocated by the
    /// live jobs on its hardware threads. One report at a time, each with the count read inside the gate, so the last
    /// one stored carries the latest count.
    /// </summary>
    private async Task ReportNodeStateAsync()
    {
        // Best effort, within a few seconds: a missed report only leaves the node's state behind until the next one.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _nodeStateGate.WaitAsync(CancellationToken.None);
        try
        {
            var running = Volatile.Read(ref _running);
            var state = running <= 0 ? "idle" : running >= hwThreads ? "allocated" : "mixed";
            var body = new JsonObject
            {
                ["cluster"] = DemoCluster.Name,
                ["nodes"] = new JsonArray(new JsonObject
                {
                    ["hostname"] = hostname,
                    ["states"] = new JsonArray(state),
                    ["cpusAllocated"] = Math.Clamp(running, 0, hwThreads),
                    ["jobsRunning"] = Math.Max(running, 0),
                }),
            };
            using var response = await api.PostAsJsonAsync("api/nodestate/", body, deadline.Token);
            await EnsureSuccessAsync(response, "nodestate", deadline.Token);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            LogNodeStateFailed(e, hostname);
        }
        finally
        {
            _nodeStateGate.Release();
        }
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"{what}: {(int)response.StatusCode} {text}", null, response.StatusCode);
        }
    }

    [LoggerMessage(EventId = 4951, Level = LogLevel.Information, Message = "Demo live job {JobId} ({Workload}, pid {Pid}) started for {Seconds} s")]
    private partial void LogStarted(long jobId, string workload, int pid, int seconds);

    [LoggerMessage(EventId = 4952, Level = LogLevel.Information, Message = "Demo live job {JobId} ({Workload}, pid {Pid}) stopped: {State}")]
    private partial void LogStopped(long jobId, string workload, int pid, string state);

    [LoggerMessage(EventId = 4954, Level = LogLevel.Warning, Message = "Reporting the node state of {Hostname} failed")]
    private partial void LogNodeStateFailed(Exception exception, string hostname);

    [LoggerMessage(EventId = 4953, Level = LogLevel.Warning, Message = "Demo live job slot {Workload} failed; trying again in 30 s")]
    private partial void LogSlotFailed(Exception exception, string workload);
}
