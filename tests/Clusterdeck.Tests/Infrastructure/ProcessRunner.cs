using System.Diagnostics;

namespace Clusterdeck.Tests.Infrastructure;

/// <summary>
/// Runs an external command to completion with a hard timeout, capturing its output. Use it for every
/// command a fixture or test runs, so a hung tool fails the test instead of hanging the run.
/// </summary>
public static class ProcessRunner
{
    /// <summary>
    /// Runs <paramref name="fileName"/> with <paramref name="arguments"/> (passed as-is, no shell) and
    /// returns its exit code and output, whatever the exit code.
    /// </summary>
    /// <param name="fileName">Program path, or a name looked up in <c>PATH</c>.</param>
    /// <param name="arguments">Arguments, each passed as one argv entry.</param>
    /// <param name="timeout">After this the process and its children are killed.</param>
    /// <param name="standardInput">Written to the process's stdin, which is then closed; null leaves stdin unredirected.</param>
    /// <param name="cancellationToken">Kills the process when cancelled.</param>
    /// <exception cref="TimeoutException">The command ran longer than <paramref name="timeout"/>; the message has its output so far.</exception>
    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IReadOnlyList<string> arguments,
        TimeSpan timeout,
        string? standardInput = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var startInfo = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInput is not null,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var commandLine = string.Join(' ', [fileName, .. arguments]);
        using var process = new Process { StartInfo = startInfo };
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        process.Start();

        // Both streams are drained concurrently, or a process filling one pipe blocks forever. The token
        // also ends the reads when a daemonised child keeps the pipes open after the process exits.
        var stdout = process.StandardOutput.ReadToEndAsync(timeoutSource.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeoutSource.Token);
        try
        {
            if (standardInput is not null)
            {
                await process.StandardInput.WriteAsync(standardInput.AsMemory(), timeoutSource.Token);
                process.StandardInput.Close();
            }

            await process.WaitForExitAsync(timeoutSource.Token);
            return new ProcessResult(commandLine, process.ExitCode, await stdout, await stderr);
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested)
        {
            Kill(process);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw new TimeoutException(
                $"`{commandLine}` did not finish within {timeout.TotalSeconds:F0} s and was killed.{Environment.NewLine}" +
                $"stdout:{Environment.NewLine}{Completed(stdout)}{Environment.NewLine}stderr:{Environment.NewLine}{Completed(stderr)}");
        }
    }

    /// <summary>Like <see cref="RunAsync"/>, but a non-zero exit code throws with the command's output.</summary>
    /// <exception cref="InvalidOperationException">The command exited with a non-zero code.</exception>
    public static async Task<ProcessResult> RunCheckedAsync(
        string fileName,
        IReadOnlyList<string> arguments,
        TimeSpan timeout,
        string? standardInput = null,
        CancellationToken cancellationToken = default)
    {
        var result = await RunAsync(fileName, arguments, timeout, standardInput, cancellationToken);
        return result.Succeeded ? result : throw new InvalidOperationException(result.Describe());
    }

    /// <summary>Kills <paramref name="process"/> and its children if it is still running.</summary>
    public static void Kill(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Exited on its own in the meantime.
        }
    }

    private static string Completed(Task<string> output) =>
        output.IsCompletedSuccessfully ? output.Result : "(not complete)";
}
