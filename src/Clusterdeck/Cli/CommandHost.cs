using System.CommandLine;
using Clusterdeck.Hosting;

namespace Clusterdeck.Cli;

/// <summary>The services of Clusterdeck without the web server, for commands that work on the database or keys.</summary>
internal static class CommandHost
{
    /// <summary>Builds the services and, unless <paramref name="prepareDatabase"/> is false, migrates the database
    /// (when <c>Database:MigrateOnStart</c>), so commands work on a fresh data directory.</summary>
    public static Task<IHost> CreateAsync(ParseResult parseResult, CancellationToken cancellationToken, bool prepareDatabase = true) =>
        CreateAsync(GlobalOptions.Inputs(parseResult), cancellationToken, prepareDatabase);

    /// <summary>The same from configuration inputs given directly (the benchmarks use it).</summary>
    public static async Task<IHost> CreateAsync(ConfigurationInputs inputs, CancellationToken cancellationToken, bool prepareDatabase = true)
    {
        var configuration = ClusterdeckConfiguration.Build(inputs);
        var manager = new ConfigurationManager();
        manager.AddInMemoryCollection(configuration.AsEnumerable()); // a copy: the host adds keys of its own
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { Configuration = manager });
        ClusterdeckLogging.Configure(builder.Logging, manager, LogLevel.Warning, toStandardError: true);
        builder.Services.AddClusterdeck(configuration);
        var host = builder.Build();
        var startup = host.Services.GetRequiredService<StartupTasks>();
        if (prepareDatabase)
        {
            await startup.PrepareDatabaseAsync(cancellationToken);
        }
        else
        {
            ConfigurationValidation.ThrowIfInvalid(host.Services);
        }

        return host;
    }
}
