using System.Globalization;
using Npgsql;

namespace Clusterdeck.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL server from the installed Debian binaries (<c>/usr/lib/postgresql/*/bin</c>,
/// highest version): a fresh cluster in a temp directory, trust authentication for user <c>postgres</c>,
/// listening on 127.0.0.1 at a random port, with durability switched off for speed. Share one per test
/// collection (<see cref="PostgresCollection"/>) and give each test class or test its own database with
/// <see cref="CreateDatabaseAsync"/>. When run as root, the server runs as the <c>postgres</c> user.
/// </summary>
/// <remarks>
/// Tests must start with <see cref="SkipIfUnavailable"/>: without the binaries the fixture does not start
/// and sets <see cref="SkipReason"/>, except in CI (<c>CI=true</c>), where it fails.
/// </remarks>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string Host = "127.0.0.1";
    public const string Username = "postgres";

    private const string RunAsUser = "postgres";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private string? _binDirectory;
    private string? _root;
    private string? _dataDirectory;
    private int _port;

    /// <summary>Why the server is not available, or null when it runs.</summary>
    public string? SkipReason { get; private set; }

    /// <summary>The TCP port on 127.0.0.1.</summary>
    public int Port => _port > 0 ? _port : throw NotRunning();

    /// <summary>Skips the calling test when the server could not be provided (never in CI).</summary>
    public void SkipIfUnavailable()
    {
        if (SkipReason is not null)
        {
            Assert.Skip(SkipReason);
        }
    }

    /// <summary>A connection string for <paramref name="database"/> as the superuser <c>postgres</c>.</summary>
    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = Host,
        Port = Port,
        Username = Username,
        Database = database,
        Timeout = 15,
    }.ConnectionString;

    /// <summary>
    /// Creates an empty database and returns its connection string. Without a name, a unique one
    /// (<c>test_&lt;guid&gt;</c>) is chosen, so tests never see each other's data.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string? name = null, CancellationToken cancellationToken = default)
    {
        name ??= $"test_{Guid.NewGuid():N}";
        var builder = new NpgsqlConnectionStringBuilder(ConnectionStringFor("postgres")) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);

        // CREATE DATABASE takes no parameters; the name is quoted as an identifier instead.
        await using var command = new NpgsqlCommand($"CREATE DATABASE {QuoteIdentifier(name)}", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return ConnectionStringFor(name);
    }

    public async ValueTask InitializeAsync()
    {
        _binDirectory = FindBinDirectory();
        if (_binDirectory is null)
        {
            SkipReason = ExternalService.Unavailable(
                "PostgreSQL server binaries (initdb, pg_ctl) not found under /usr/lib/postgresql/*/bin; install the postgresql package");
            return;
        }

        _root = Directory.CreateTempSubdirectory("clusterdeck-pg-").FullName;
        _dataDirectory = Path.Combine(_root, "data");
        if (ExternalService.IsRoot)
        {
            // initdb and postgres refuse to run as root; the cluster and its socket directory belong to postgres.
            await ProcessRunner.RunCheckedAsync("chown", [$"{RunAsUser}:", _root], CommandTimeout);
        }

        await RunToolCheckedAsync("initdb", ["-D", _dataDirectory, "-A", "trust", "-U", Username, "-E", "UTF8", "--locale=C", "--no-sync"]);

        // A port found free can be taken before postgres binds it; then start again on another.
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            var port = LoopbackPort.FindFree();
            var settings = string.Join(' ',
                $"-p {port.ToString(CultureInfo.InvariantCulture)}",
                $"-k {_root}",
                "-c listen_addresses=127.0.0.1",
                // Many test servers share this instance at once, each with its own pool and background services.
                "-c max_connections=500",
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off");
            var logFile = Path.Combine(_root, "postgres.log");
            var result = await RunToolAsync("pg_ctl", ["-D", _dataDirectory, "-l", logFile, "-o", settings, "-w", "-t", "30", "start"]);
            if (result.Succeeded)
            {
                _port = port;
                return;
            }

            // pg_ctl gives up waiting after -t seconds even if the server did come up; make sure it is gone.
            await KillPostmasterAsync(_dataDirectory);

            if (attempt == attempts)
            {
                var log = File.Exists(logFile) ? await File.ReadAllTextAsync(logFile) : "(no log)";
                throw new InvalidOperationException($"PostgreSQL did not start.{Environment.NewLine}{result.Describe()}{Environment.NewLine}server log:{Environment.NewLine}{log}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataDirectory is not null && _port > 0)
        {
            var stopped = await RunToolAsync("pg_ctl", ["-D", _dataDirectory, "-m", "immediate", "-w", "-t", "30", "stop"]);
            if (!stopped.Succeeded)
            {
                await KillPostmasterAsync(_dataDirectory);
            }

            _port = 0;
        }

        if (_root is not null && Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>The bin directory of the highest installed PostgreSQL major version, or null.</summary>
    private static string? FindBinDirectory()
    {
        const string installRoot = "/usr/lib/postgresql";
        if (!Directory.Exists(installRoot))
        {
            return null;
        }

        return Directory.EnumerateDirectories(installRoot)
            .Select(directory => (Directory: directory, Version: int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1))
            .Where(candidate => candidate.Version >= 0)
            .OrderByDescending(candidate => candidate.Version)
            .Select(candidate => Path.Combine(candidate.Directory, "bin"))
            .FirstOrDefault(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")) && File.Exists(Path.Combine(bin, "postgres")));
    }

    private Task<ProcessResult> RunToolAsync(string tool, IReadOnlyList<string> arguments)
    {
        var path = Path.Combine(_binDirectory!, tool);
        return ExternalService.IsRoot
            ? ProcessRunner.RunAsync("runuser", ["-u", RunAsUser, "--", path, .. arguments], CommandTimeout)
            : ProcessRunner.RunAsync(path, arguments, CommandTimeout);
    }

    private async Task RunToolCheckedAsync(string tool, IReadOnlyList<string> arguments)
    {
        var result = await RunToolAsync(tool, arguments);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(result.Describe());
        }
    }

    // Last resort when pg_ctl cannot stop the server: the postmaster's pid is the first line of postmaster.pid.
    private static async Task KillPostmasterAsync(string dataDirectory)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        if (File.Exists(pidFile)
            && int.TryParse((await File.ReadAllLinesAsync(pidFile)).FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            await ProcessRunner.RunAsync("kill", ["-KILL", pid.ToString(CultureInfo.InvariantCulture)], CommandTimeout);
        }
    }

    private static string QuoteIdentifier(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private InvalidOperationException NotRunning() =>
        new($"The PostgreSQL fixture is not running{(SkipReason is null ? "" : $": {SkipReason}")}.");
}
