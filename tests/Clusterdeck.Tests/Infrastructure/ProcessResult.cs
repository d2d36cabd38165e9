namespace Clusterdeck.Tests.Infrastructure;

/// <summary>The outcome of a command run by <see cref="ProcessRunner"/>.</summary>
/// <param name="CommandLine">The command as it was run, for messages.</param>
/// <param name="ExitCode">The process's exit code.</param>
/// <param name="StandardOutput">Everything the process wrote to stdout.</param>
/// <param name="StandardError">Everything the process wrote to stderr.</param>
public sealed record ProcessResult(string CommandLine, int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>A multi-line description with the command, exit code and output, for assertion and exception messages.</summary>
    public string Describe() =>
        $"`{CommandLine}` exited with {ExitCode}.{Environment.NewLine}stdout:{Environment.NewLine}{StandardOutput}{Environment.NewLine}stderr:{Environment.NewLine}{StandardError}";
}
