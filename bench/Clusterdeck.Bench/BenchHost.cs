using Clusterdeck.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Clusterdeck.Bench;

/// <summary>
/// Clusterdeck's services in the benchmark's own process, on a data directory (and optionally another database):
/// for seeding tables and timing application services without HTTP in between.
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private readonly IHost _host;

    private BenchHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public static async Task<BenchHost> StartAsync(string dataDirectory, IEnumerable<string> settings)
    {
        var configuration = ClusterdeckConfiguration.Build(new ConfigurationInputs(
            DataDirectory: dataDirectory, Overrides: [.. settings.Select(s => "--" + s)]));
        var manager = new ConfigurationManager();
        manager.AddInMemoryCollection(configuration.AsEnumerable()); // options bind from the host's configuration
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { Configuration = manager });
        builder.Services.AddClusterdeck(configuration);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var host = builder.Build();
        var startup = host.Services.GetRequiredService<StartupTasks>();
        await startup.PrepareDatabaseAsync(CancellationToken.None);
        await startup.PrepareArchiveAsync(CancellationToken.None);
        return new BenchHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
    }
}
