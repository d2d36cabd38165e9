using System.Net;
using Clusterdeck.Core.Accounts;
using Clusterdeck.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Clusterdeck.Tests.Infrastructure;

/// <summary>
/// The real Clusterdeck host on Kestrel (127.0.0.1, port 0) with its own temporary data directory and
/// SQLite file, or any settings a test passes. The command line runs in-process against the same settings.
/// </summary>
public sealed class ClusterdeckServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _ownsDirectory;

    private ClusterdeckServer(WebApplication app, string dataDirectory, IReadOnlyList<string> settings, bool ownsDirectory)
    {
        _app = app;
        DataDirectory = dataDirectory;
        Settings = settings;
        _ownsDirectory = ownsDirectory;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
    }

    public Uri BaseAddress { get; }

    public string DataDirectory { get; }

    /// <summary>The <c>--Section:Key=Value</c> settings the server runs with (data directory included).</summary>
    public IReadOnlyList<string> Settings { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Starts a server (archiving off unless <c>Archiving:Enabled=true</c> is among the settings). <paramref name="settings"/> are <c>Section:Key=Value</c> pairs; <paramref name="prepare"/> runs on
    /// the data directory before the server starts (to put clusters into its archive, say).
    /// </summary>
    public static async Task<ClusterdeckServer> StartAsync(
        IEnumerable<string>? settings = null, string? dataDirectory = null, Action<string>? prepare = null)
    {
        var ownsDirectory = dataDirectory is null;
        dataDirectory ??= Directory.CreateTempSubdirectory("clusterdeck-test-").FullName;
        prepare?.Invoke(dataDirectory);
        string[] all =
        [
            $"--Storage:DataDirectory={dataDirectory}",
            "--Server:Urls=http://127.0.0.1:0",
            "--Logging:LogLevel:Default=Warning",
            // Stopped jobs stay queued unless a test turns archiving on: tests that put finished jobs with monitoring
            // status 1 into the table would otherwise see them archived (status, footprint) while they assert.
            "--Archiving:Enabled=false",
            .. (settings ?? []).Select(s => s.StartsWith("--", StringComparison.Ordinal) ? s : "--" + s),
        ];
        var configuration = ClusterdeckConfiguration.Build(new ConfigurationInputs(Overrides: all));
        var app = ServerApplication.Build(configuration);
        await app.Services.GetRequiredService<StartupTasks>().PrepareServerAsync(CancellationToken.None);
        await app.StartAsync();
        return new ClusterdeckServer(app, dataDirectory, all, ownsDirectory);
    }

    /// <summary>An HTTP client for the server. Cookies are kept per client; redirects are not followed, so tests see them.</summary>
    public HttpClient CreateClient(CookieContainer? cookies = null)
    {
        var handler = new HttpClientHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            CookieContainer = cookies ?? new CookieContainer(),
        };
        return new HttpClient(handler) { BaseAddress = BaseAddress };
    }

    /// <summary>Runs <c>clusterdeck ARGS</c> in-process with this server's settings.</summary>
    public Task<CommandResult> RunCommandAsync(params string[] args) => CommandResult.RunAsync([.. args, .. Settings]);

    /// <summary>The generated password of the initial <c>admin</c> user.</summary>
    public string InitialAdminPassword => File.ReadAllText(Path.Combine(DataDirectory, InitialAdminSeeder.PasswordFileName)).Trim();

    public async Task<string> AdminTokenAsync() => (await RunCommandAsync("token", InitialAdminSeeder.Username)).SingleLine();

    /// <summary>Stops this server and starts a new one on the same data directory and settings; the new one takes over the directory.</summary>
    public async Task<ClusterdeckServer> RestartAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        var restarted = await StartAsync(Settings, DataDirectory);
        restarted._ownsDirectory = _ownsDirectory;
        return restarted;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_ownsDirectory)
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
