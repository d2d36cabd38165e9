using Clusterdeck.Cli;
using Clusterdeck.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Clusterdeck.Bench;

/// <summary>
/// Clusterdeck's services in the benchmark's own process, on a data directory (and optionally another database):
/// for seeding tables and timing application services without HTTP in between. The same host the CLI commands use.
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private readonly IHost _host;

    private BenchHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public static async Task<BenchHost> StartAsync(string dataDirectory, IEnumerable<string> settings)
    {
        var host = await CommandHost.CreateAsync(
            new ConfigurationInputs(DataDirectory: dataDirectory, Overrides: [.. settings.Select(s => "--" + s)]), CancellationToken.None);
        await host.Services.GetRequiredService<StartupTasks>().PrepareArchiveAsync(CancellationToken.None);
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
