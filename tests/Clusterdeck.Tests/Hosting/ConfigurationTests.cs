using Clusterdeck.Cli;
using Clusterdeck.Hosting;
using Clusterdeck.Tests.Infrastructure;

namespace Clusterdeck.Tests.Hosting;

public sealed class ConfigurationTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("clusterdeck-config-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task Serve_BadConfigFile_IsRefusedWithEveryErrorListed()
    {
        var file = Path.Combine(_directory.FullName, "bad.json");
        await File.WriteAllTextAsync(file, """
            {
              "Database": { "Provider": "postgres" },
              "Auth": { "TokenLifetime": "forever", "MaxFailedLogins": 0, "SessionLifetyme": "1h" },
              "Ldap": { "url": "http://not-ldap", "user_bind": "cn=fixed" },
              "Server": { "Urls": "localhost" },
              "Databse": {}
            }
            """, TestContext.Current.CancellationToken);

        var result = await CommandResult.RunAsync("serve", "--config", file, $"--data-dir={_directory.FullName}");

        Assert.Equal(ClusterdeckCommandLine.ConfigurationError, result.ExitCode);
        string[] expected =
        [
            "Database:ConnectionString", "Auth:TokenLifetime", "Auth:MaxFailedLogins", "SessionLifetyme",
            "Ldap:url", "Ldap:user_base", "Ldap:user_bind", "Server:Urls", "Databse: unknown section",
        ];
        foreach (var key in expected)
        {
            Assert.Contains(key, result.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Serve_MalformedJson_NamesFileAndPosition()
    {
        var file = Path.Combine(_directory.FullName, "broken.json");
        await File.WriteAllTextAsync(file, "{ \"Server\": { \"Urls\": } }", TestContext.Current.CancellationToken);

        var result = await CommandResult.RunAsync("serve", "--config", file);

        Assert.Equal(ClusterdeckCommandLine.ConfigurationError, result.ExitCode);
        Assert.Contains("broken.json", result.Error, StringComparison.Ordinal);
        Assert.Contains("LineNumber", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_MissingConfigFile_IsRefused()
    {
        var result = await CommandResult.RunAsync("serve", "--config", Path.Combine(_directory.FullName, "absent.json"));
        Assert.Equal(ClusterdeckCommandLine.ConfigurationError, result.ExitCode);
        Assert.Contains("does not exist", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_WritesConfigThatTheServerAccepts()
    {
        var file = Path.Combine(_directory.FullName, "clusterdeck.json");
        var dataDirectory = Path.Combine(_directory.FullName, "data");

        var init = await CommandResult.RunAsync("init", "--config", file, "--data-dir", dataDirectory);
        var again = await CommandResult.RunAsync("init", "--config", file);
        var migrate = await CommandResult.RunAsync("db", "migrate", "--config", file);

        Assert.Equal(0, init.ExitCode);
        Assert.True(Directory.Exists(dataDirectory));
        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains("--force", again.Error, StringComparison.Ordinal);
        Assert.True(migrate.ExitCode == 0, migrate.Error);
        Assert.True(File.Exists(Path.Combine(dataDirectory, "clusterdeck.db")));
    }

    [Fact]
    public async Task EnvironmentVariable_OverridesFileAndCommandLineOverridesBoth()
    {
        // A key of its own in the Logging section, so the variable cannot change servers of other tests in this process.
        const string Key = "Logging:LogLevel:Clusterdeck.Tests.LayerProbe";
        var file = Path.Combine(_directory.FullName, "layers.json");
        await File.WriteAllTextAsync(file, """{ "Logging": { "LogLevel": { "Clusterdeck.Tests.LayerProbe": "Error" } } }""", TestContext.Current.CancellationToken);
        Environment.SetEnvironmentVariable("CLUSTERDECK__Logging__LogLevel__Clusterdeck.Tests.LayerProbe", "Warning");
        try
        {
            var fileAndEnvironment = ClusterdeckConfiguration.Build(new ConfigurationInputs(file));
            var withCommandLine = ClusterdeckConfiguration.Build(new ConfigurationInputs(file, Overrides: [$"--{Key}=Debug"]));

            Assert.Equal("Warning", fileAndEnvironment[Key]);
            Assert.Equal("Debug", withCommandLine[Key]);
        }
        finally
        {
            Environment.SetEnvironmentVariable("CLUSTERDECK__Logging__LogLevel__Clusterdeck.Tests.LayerProbe", null);
        }
    }

    [Fact]
    public async Task CommandLineSetting_OverridesInvalidValueFromFile()
    {
        var file = Path.Combine(_directory.FullName, "layered.json");
        await File.WriteAllTextAsync(file, """{ "Auth": { "MaxFailedLogins": 0 } }""", TestContext.Current.CancellationToken);

        var fromFile = await CommandResult.RunAsync("db", "migrate", "--config", file, $"--data-dir={_directory.FullName}");
        var fromCommandLine = await CommandResult.RunAsync("db", "migrate", "--config", file, $"--data-dir={_directory.FullName}", "--Auth:MaxFailedLogins=3");

        Assert.Equal(ClusterdeckCommandLine.ConfigurationError, fromFile.ExitCode);
        Assert.True(fromCommandLine.ExitCode == 0, fromCommandLine.Error);
    }
}
