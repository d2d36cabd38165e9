using Clusterdeck.Cli;
using Clusterdeck.Tests.Infrastructure;

namespace Clusterdeck.Tests.Archive;

/// <summary>The server initialises its archive at start and refuses a bad one or a bad <c>Archive</c> section with the reason.</summary>
public sealed class ArchiveStartupTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("clusterdeck-archive-start-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task Start_NoArchiveConfigured_CreatesArchiveInDataDirectory()
    {
        await using var server = await ClusterdeckServer.StartAsync(dataDirectory: _directory.FullName);

        Assert.Equal("3\n", await File.ReadAllTextAsync(Path.Combine(_directory.FullName, "job-archive", "version.txt"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Serve_ArchiveOfOtherVersion_RefusedNamingIt()
    {
        var archive = Directory.CreateDirectory(Path.Combine(_directory.FullName, "old-archive")).FullName;
        await File.WriteAllTextAsync(Path.Combine(archive, "version.txt"), "1\n", TestContext.Current.CancellationToken);

        var result = await CommandResult.RunAsync("serve", $"--data-dir={_directory.FullName}", $"--Archive:Path={archive}", "--Server:Urls=http://127.0.0.1:0");

        Assert.Equal(ClusterdeckCommandLine.ConfigurationError, result.ExitCode);
        Assert.Contains(Path.Combine(archive, "version.txt"), result.Error, StringComparison.Ordinal);
        Assert.Contains("version '1' is not supported", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_UnknownArchiveKey_RefusedAsConfigurationError()
    {
        var result = await CommandResult.RunAsync("serve", $"--data-dir={_directory.FullName}", "--Archive:Pth=/tmp/x", "--Server:Urls=http://127.0.0.1:0");

        Assert.Equal(ClusterdeckCommandLine.ConfigurationError, result.ExitCode);
        Assert.Contains("Archive:Pth: unknown key", result.Error, StringComparison.Ordinal);
    }
}
