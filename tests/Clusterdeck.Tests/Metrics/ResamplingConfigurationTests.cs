using Clusterdeck.Cli;
using Clusterdeck.Tests.Infrastructure;

namespace Clusterdeck.Tests.Metrics;

public sealed class ResamplingConfigurationTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("clusterdeck-resampling-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task Serve_BadResamplingSection_IsRefusedNamingEveryKey()
    {
        var file = Path.Combine(_directory.FullName, "bad.json");
        await File.WriteAllTextAsync(file, """{ "Resampling": { "MinimumPoints": 2, "Resolutions": [600, 0, -60], "Resolution": 60 } }""", TestContext.Current.CancellationToken);

        var result = await CommandResult.RunAsync("serve", "--config", file, $"--data-dir={_directory.FullName}");

        Assert.Equal(ClusterdeckCommandLine.ConfigurationError, result.ExitCode);
        foreach (var key in (string[])["Resampling:MinimumPoints", "Resampling:Resolutions:1", "Resampling:Resolutions:2", "Resampling:Resolution"])
        {
            Assert.Contains(key, result.Error, StringComparison.Ordinal);
        }
    }
}
