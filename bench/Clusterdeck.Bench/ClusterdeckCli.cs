using System.Diagnostics;
using Clusterdeck.Core.Accounts;

namespace Clusterdeck.Bench;

/// <summary>Finds the Release build of the <c>clusterdeck</c> host and runs its commands as separate processes.</summary>
internal static class ClusterdeckCli
{
    // Long enough for an archive import of a million jobs; a hanging command still fails the benchmark.
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// <paramref name="explicitPath"/> when given (for example a ReadyToRun publish), otherwise
    /// <c>src/Clusterdeck/bin/Release/net10.0/clusterdeck.dll</c> of the checkout this program runs from.
    /// </summary>
    public static string ResolveServerDll(string? explicitPath)
    {
        if (explicitPath is not null)
        {
            return File.Exists(explicitPath) ? Path.GetFullPath(explicitPath) : throw new BenchmarkFailedException($"--server {explicitPath} does not exist");
        }

        var dll = Path.Combine(RepositoryRoot(), "src", "Clusterdeck", "bin", "Release", "net10.0", "clusterdeck.dll");
        return File.Exists(dll)
            ? dll
            : throw new BenchmarkFailedException($"{dll} does not exist: build it with 'dotnet build Clusterdeck.slnx -c Release'");
    }

    /// <summary>The checkout this program runs from: the directory holding <c>Clusterdeck.slnx</c>.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Clusterdeck.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new BenchmarkFailedException("Clusterdeck.slnx not found above the benchmark's directory; pass --server PATH/clusterdeck.dll");
    }

    public static ProcessStartInfo CreateStartInfo(string serverDll, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(serverDll)!,
        };
        start.ArgumentList.Add(serverDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The benchmark decides the environment: inherited knobs would change what is measured.
        foreach (var name in start.Environment.Keys.Where(IsRuntimeKnob).ToList())
        {
            start.Environment.Remove(name);
        }

        return start;
    }

    /// <summary>Runs a command such as <c>token admin --data-dir DIR</c> and returns its standard output.</summary>
    public static async Task<string> RunAsync(string serverDll, params string[] arguments)
    {
        using var process = new Process { StartInfo = CreateStartInfo(serverDll, arguments) };
        process.Start();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return process.ExitCode == 0
                ? await output
                : throw new BenchmarkFailedException($"clusterdeck {string.Join(" ", arguments)} exited with {process.ExitCode}: {await error}");
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new BenchmarkFailedException($"clusterdeck {string.Join(" ", arguments)} did not finish within {CommandTimeout.TotalSeconds:0} s");
        }
    }

    /// <summary>An API token of the initial admin (<c>clusterdeck token admin</c>); the server creates the admin on its first start.</summary>
    public static async Task<string> AdminTokenAsync(string serverDll, string dataDirectory, IEnumerable<string> settings)
    {
        var output = await RunAsync(serverDll, ["token", InitialAdminSeeder.Username, "--data-dir", dataDirectory, .. settings]);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault()
            ?? throw new BenchmarkFailedException("'clusterdeck token' printed nothing");
    }

    private static bool IsRuntimeKnob(string name) =>
        name.StartsWith("DOTNET_", StringComparison.Ordinal) && name != "DOTNET_ROOT"
        || name.StartsWith("COMPlus_", StringComparison.Ordinal)
        || name.StartsWith("ASPNETCORE_", StringComparison.Ordinal)
        || name.StartsWith("CLUSTERDECK_", StringComparison.Ordinal);
}
