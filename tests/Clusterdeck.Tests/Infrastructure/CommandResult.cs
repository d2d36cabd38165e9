using Clusterdeck.Cli;

namespace Clusterdeck.Tests.Infrastructure;

/// <summary>Exit code and output of an in-process <c>clusterdeck</c> invocation.</summary>
public sealed record CommandResult(int ExitCode, string Output, string Error)
{
    public static async Task<CommandResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await ClusterdeckCommandLine.InvokeAsync(args, output, error);
        return new CommandResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>The single line of output, after checking the command succeeded.</summary>
    public string SingleLine()
    {
        Assert.True(ExitCode == 0, $"exit code {ExitCode}: {Error}");
        return Output.Trim();
    }
}
