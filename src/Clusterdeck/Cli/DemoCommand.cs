using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Archive;
using Clusterdeck.Core.Authentication;
using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Demo;
using Clusterdeck.Core.Jobs;
using Clusterdeck.Core.Metrics.Agent;
using Clusterdeck.Core.Storage;
using Clusterdeck.Demo;
using Clusterdeck.Hosting;

namespace Clusterdeck.Cli;

/// <summary>
/// <c>clusterdeck demo</c>: the server on SQLite in its own data directory, with a demo cluster made from this machine's
/// topology, a synthetic archive of finished jobs, the node agent for this node, and a few real processes reported as
/// live jobs through the job API. A second run on the same directory reuses everything.
/// </summary>
internal static class DemoCommand
{
    public const string DefaultDataDirectory = "var-demo";
    public const int DefaultJobs = 20_000;
    public const int MaxJobs = 1_000_000;

    /// <summary>The generator's seed: the same jobs, users and series on every machine with the same topology.</summary>
    public const int Seed = 5;

    public static readonly Option<int> Jobs = new("--jobs")
    {
        Description = "Synthetic finished jobs to generate on the first run",
        DefaultValueFactory = _ => DefaultJobs,
        HelpName = "N",
    };

    public static readonly Option<bool> NoLive = new("--no-live")
    {
        Description = "Do not run live jobs (the node agent still reports this node's metrics)",
    };

    public static Command Create()
    {
        var command = new Command(
            "demo",
            $"Run a demo: the server with a cluster made from this machine, {DefaultJobs:N0} synthetic jobs, this node's live metrics and a few live jobs. "
            + $"Data in ./{DefaultDataDirectory} unless --data-dir is given; a second run reuses it.")
        {
            Jobs, NoLive, ServeCommand.Urls,
        };
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var output = parseResult.InvocationConfiguration.Output;
        var jobCount = parseResult.GetValue(Jobs);
        if (jobCount is < 0 or > MaxJobs)
        {
            throw new CommandLineException($"--jobs {jobCount}: give a number from 0 to {MaxJobs:N0}");
        }

        var hostname = DemoCluster.Hostname(Environment.MachineName);
        var configuration = ClusterdeckConfiguration.Build(Inputs(parseResult, hostname));
        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var archiveRoot = (configuration.GetSection(ArchiveOptions.SectionName).Get<ArchiveOptions>() ?? new ArchiveOptions()).ResolvePath(storage);
        var site = new DemoSite(storage.ResolvedDataDirectory);
        var state = site.ReadState();
        var reuse = state is { IsReady: true } && File.Exists(DemoCluster.ClusterFile(archiveRoot));
        if (!reuse)
        {
            RefuseForeignArchive(state, archiveRoot);
            var machine = MachineTopologyReader.Read(NodeFiles.Real, await MachineTopologyReader.QueryNvidiaGpusAsync(cancellationToken));
            try
            {
                await DemoCluster.WriteToArchiveAsync(DemoCluster.Build(machine, hostname), archiveRoot, cancellationToken);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                throw new CommandLineException($"cannot prepare the demo's job archive: {e.Message}");
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Cluster '{DemoCluster.Name}' from this machine: {machine.ProcessorType}, {machine.SocketsPerNode} socket(s) × {machine.CoresPerSocket} core(s) × {machine.ThreadsPerCore} thread(s), {machine.MemoryBytes / 1e9:F1} GB, {machine.Accelerators} GPU(s); nodes {hostname} and {DemoCluster.SyntheticNodeList(DemoCluster.DefaultSyntheticNodes)}."));
        }

        await using var app = ServerApplication.Build(configuration);
        var services = app.Services;
        var startup = services.GetRequiredService<StartupTasks>();
        await startup.PrepareDatabaseAsync(cancellationToken);
        // The demo's accounts exist before the server's first-start seeding, which then creates no admin of its own.
        var password = await site.EnsureAccountsAsync(services.GetRequiredService<UserService>(), cancellationToken);
        await startup.PrepareServerAsync(cancellationToken);

        var queries = services.GetRequiredService<JobQueryService>();
        var lifetime = services.GetRequiredService<IHostApplicationLifetime>();
        await app.StartAsync(cancellationToken);
        var address = ClientAddress(app.Urls.First());
        if (reuse)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Reusing the demo in {site.DataDirectory}: {state!.Jobs:N0} synthetic jobs generated {DateTimeOffset.FromUnixTimeSeconds(state.GeneratedAt):yyyy-MM-dd HH:mm} UTC (delete the directory to start over)."));
        }
        else
        {
            // The server already serves: the job list fills, newest jobs first, while the rest of the history is written.
            await output.WriteLineAsync($"Serving at {address} (log in as {DemoSite.LoginUser}, password {password}); the job list fills while the history is generated.");
            using var generating = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
            try
            {
                await GenerateAsync(services, site, state, jobCount, output, generating.Token);
            }
            catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
            {
                await app.StopAsync(CancellationToken.None);
                await output.WriteLineAsync("Demo stopped before its history was complete; the next run generates it again.");
                return 0;
            }
        }

        var catalog = services.GetRequiredService<IClusterCatalog>();
        using var api = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        var token = await services.GetRequiredService<AccessTokenService>().IssueAsync(Caller.Console, DemoSite.BatchUser, null, cancellationToken);
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await using var live = new LiveJobRunner(
            api, hostname, catalog.FindSubCluster(DemoCluster.Name, DemoCluster.LiveSubClusterName)?.Topology.Node.Count ?? 1, output, TimeProvider.System,
            services.GetRequiredService<ILogger<LiveJobRunner>>());
        await live.StopStaleAsync(queries, cancellationToken);
        var liveJobs = parseResult.GetValue(NoLive) ? 0 : LiveWorkload.All.Count;
        await live.StartAsync(queries, liveJobs, cancellationToken);

        var total = await queries.CountAsync(Caller.Console, [], cancellationToken);
        await WriteBannerAsync(output, address, password, total, liveJobs, hostname, site.DataDirectory, clock.Elapsed);

        var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStopping.Register(() => stopping.TrySetResult()))
        {
            // Ctrl-C or SIGTERM: the host signals stopping but keeps serving until StopAsync, so the live jobs can still be reported.
            await stopping.Task;
        }

        await live.StopAsync();
        await app.StopAsync(CancellationToken.None);
        await output.WriteLineAsync("Demo stopped.");
        return 0;
    }

    /// <summary>The command line's configuration with the demo's defaults in front, so the user's own settings win.</summary>
    private static ConfigurationInputs Inputs(ParseResult parseResult, string hostname)
    {
        var inputs = GlobalOptions.Inputs(parseResult, parseResult.GetValue(ServeCommand.Urls));
        return inputs with
        {
            DataDirectory = inputs.DataDirectory ?? DefaultDataDirectory,
            Overrides =
            [
                // Its own SQLite database and archive in the data directory, whatever ./clusterdeck.json or the environment
                // say: the demo empties the job table when it generates, so it must never reach a real site's database.
                "--Database:Provider=Sqlite",
                "--Database:ConnectionString=",
                "--Archive:Path=",
                "--MetricSource:Kind=internal",
                $"--{AgentOptions.SectionName}:Enabled=true",
                $"--{AgentOptions.SectionName}:Cluster={DemoCluster.Name}",
                $"--{AgentOptions.SectionName}:Hostname={hostname}",
                $"--{AgentOptions.SectionName}:Interval=10s",
                // This node's metrics survive a restart of the demo.
                "--MetricStore:Checkpoints:Enabled=true",
                // The terminal shows the progress and the login; warnings and errors still show. The data-protection
                // warning (keys in the database, not encrypted) is expected on a demo's first start.
                "--Logging:LogLevel:Default=Warning",
                "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning",
                "--Logging:LogLevel:Microsoft.AspNetCore.DataProtection=Error",
                .. inputs.Overrides ?? [],
            ],
        };
    }

    private static async Task GenerateAsync(IServiceProvider services, DemoSite site, DemoState? state, int jobCount, TextWriter output, CancellationToken cancellationToken)
    {
        // A directory the demo did not make may hold someone's jobs: the generator empties the job table.
        if (state is null && await services.GetRequiredService<JobQueryService>().CountAsync(Caller.Console, [], cancellationToken) > 0)
        {
            throw new CommandLineException($"{site.DataDirectory} holds jobs the demo did not make; give the demo a directory of its own with --data-dir");
        }

        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        site.WriteState(new DemoState(DemoState.Generating, jobCount, Seed, now));
        var builder = ActivatorUtilities.CreateInstance<DemoArchiveBuilder>(services);
        var result = await ProgressDisplay.RunAsync<DemoArchiveProgress, DemoArchiveResult>(
            output, "synthetic jobs",
            p => (string.Create(CultureInfo.InvariantCulture, $"{p.Written:N0} of {p.Total:N0} written, {p.Stored:N0} in the job list"), p.Written + p.Stored, 2.0 * p.Total),
            progress => builder.BuildAsync(jobCount, now, Seed, progress, cancellationToken));
        site.WriteState(new DemoState(DemoState.Ready, jobCount, Seed, now));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Generated {result.Jobs:N0} synthetic jobs: archive files in {result.FilesElapsed.TotalSeconds:F1} s, job table in {result.RowsElapsed.TotalSeconds:F1} s."));
    }

    /// <summary>Refuses to write the demo cluster into an archive that holds other clusters: it is not a demo directory.</summary>
    private static void RefuseForeignArchive(DemoState? state, string archiveRoot)
    {
        if (state is not null || !Directory.Exists(archiveRoot))
        {
            return;
        }

        var foreign = Directory.EnumerateDirectories(archiveRoot).Select(Path.GetFileName).FirstOrDefault(n => n is not null && n != DemoCluster.Name && !n.StartsWith('.'));
        if (foreign is not null)
        {
            throw new CommandLineException($"{archiveRoot} holds cluster '{foreign}', which the demo did not make; give the demo a directory of its own with --data-dir");
        }
    }

    /// <summary>The address a client on this machine uses for a listening address (a wildcard host becomes localhost).</summary>
    private static Uri ClientAddress(string listening)
    {
        var uri = new UriBuilder(listening.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "localhost";
        }

        return new Uri(uri.Uri.GetLeftPart(UriPartial.Authority) + "/");
    }

    private static async Task WriteBannerAsync(
        TextWriter output, Uri address, string password, long jobs, int liveJobs, string hostname, string dataDirectory, TimeSpan elapsed)
    {
        var url = address.ToString().TrimEnd('/');
        await output.WriteLineAsync();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  Clusterdeck demo ready in {elapsed.TotalSeconds:F1} s: {url}"));
        await output.WriteLineAsync();
        await output.WriteLineAsync($"  Log in as   {DemoSite.LoginUser}  password  {password}   (admin)");
        await output.WriteLineAsync($"  or as alice, bob (users) or {DemoPeople.Manager} (manager of {string.Join(", ", DemoPeople.ManagedProjects)}) with the same password.");
        await output.WriteLineAsync();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  {jobs:N0} jobs on cluster '{DemoCluster.Name}'; {liveJobs} live job(s) on {hostname}, whose metrics the node agent reports every 10 s."));
        await output.WriteLineAsync($"  Data in {dataDirectory}; the password is also in {DemoSite.PasswordFileName} there. Ctrl+C stops the demo.");
        await output.WriteLineAsync();
    }
}
