using Clusterdeck.Tests.Infrastructure;

namespace Clusterdeck.Tests.Metrics.Agent;

/// <summary><c>clusterdeck agent</c> argument errors: exit code 2 and a message naming the problem, never the token.</summary>
public sealed class AgentCommandTests : IDisposable
{
    private const string Secret = "secret-token-value";

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("clusterdeck-agent-cli-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Theory]
    [InlineData(new[] { "--token", Secret }, "--server URL is required")]
    [InlineData(new[] { "--server", "monitor:8080", "--token", Secret }, "'monitor:8080' is not an http or https URL")]
    [InlineData(new[] { "--server", "ftp://monitor", "--token", Secret }, "'ftp://monitor' is not an http or https URL")]
    [InlineData(new[] { "--server", "http://monitor", "--token", Secret, "--interval", "soon" }, "--interval 'soon' is not a duration")]
    [InlineData(new[] { "--server", "http://monitor", "--token", Secret, "--interval", "500ms" }, "at least 1s")]
    [InlineData(new[] { "--server", "http://monitor", "--token", Secret, "--hostname", "node 1" }, "--hostname 'node 1' contains a space")]
    [InlineData(new[] { "--server", "http://monitor", "--token", Secret, "--cluster", "" }, "--cluster must not be empty")]
    [InlineData(new[] { "--server", "http://monitor", "--token", Secret, "--bogus" }, "unrecognised argument(s): --bogus")]
    [InlineData(new[] { "--server", "http://monitor", "--token", Secret, "--token-file", "/nonexistent" }, "either --token or --token-file")]
    [InlineData(new[] { "--server", "http://monitor", "--token-file", "/nonexistent/token" }, "--token-file '/nonexistent/token' cannot be read")]
    public async Task Agent_BadArguments_UsageErrorNamingTheProblem(string[] arguments, string message)
    {
        var result = await CommandResult.RunAsync(["agent", .. arguments]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, result.Error + result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agent_EmptyTokenFile_UsageError()
    {
        var file = Path.Combine(_directory.FullName, "token");
        await File.WriteAllTextAsync(file, "\n", TestContext.Current.CancellationToken);

        var result = await CommandResult.RunAsync("agent", "--server", "http://monitor", "--token-file", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is empty", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgentOnce_ServerUnreachable_ExitOneWithReasonAndNoToken()
    {
        var port = LoopbackPort.FindFree();

        var result = await CommandResult.RunAsync("agent", "--server", $"http://127.0.0.1:{port}", "--token", Secret, "--cluster", "c", "--once");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("could not deliver", result.Error, StringComparison.Ordinal);
        Assert.Contains("did not reach", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, result.Error + result.Output, StringComparison.Ordinal);
    }
}
