using Clusterdeck.Cli;
using Clusterdeck.Tests.Infrastructure;

namespace Clusterdeck.Tests.Metrics.Agent;

public sealed class AgentOptionsTests : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("clusterdeck-agent-config-");

    public void Dispose() => _data.Delete(recursive: true);

    [Fact]
    public async Task AgentSection_BadValues_RefusedNamingEveryKey()
    {
        var result = await CommandResult.RunAsync(
            "user", "list", $"--data-dir={_data.FullName}",
            "--Agent:Enabled=true", "--Agent:Interval=soon", "--Agent:Hostname=node 1", "--Agent:Colour=blue");

        Assert.Equal(ClusterdeckCommandLine.ConfigurationError, result.ExitCode);
        Assert.Contains("Agent:Interval: 'soon' is not a positive duration", result.Error, StringComparison.Ordinal);
        Assert.Contains("Agent:Hostname: 'node 1' contains a space", result.Error, StringComparison.Ordinal);
        Assert.Contains("Agent:Colour: unknown key", result.Error, StringComparison.Ordinal);
    }
}
