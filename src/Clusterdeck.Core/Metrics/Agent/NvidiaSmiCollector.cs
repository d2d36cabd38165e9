using System.Diagnostics;
using System.Globalization;

namespace Clusterdeck.Core.Metrics.Agent;

/// <summary>
/// NVIDIA GPU metrics (type accelerator, type-id = the PCI bus id as NVML formats it, <c>00000000:3B:00.0</c>, which
/// is what cc-metric-collector sends with <c>use_pci_info_as_type_id</c> and what cluster.json topologies list) from
/// one <c>nvidia-smi --query-gpu=... --format=csv,noheader,nounits</c> call per reading. Values a GPU does not report
/// (<c>[N/A]</c>, <c>[Not Supported]</c>) are left out.
/// </summary>
internal sealed class NvidiaSmiCollector(string executable, TimeSpan timeout) : INodeCollector
{
    public const string ProgramName = "nvidia-smi";

    /// <summary>The fields asked for, in order; the CSV answer has one column per field.</summary>
    public const string QueryFields = "pci.bus_id,utilization.gpu,utilization.memory,memory.used,power.draw,temperature.gpu,clocks.sm";

    private const double BytesPerMebibyte = 1024 * 1024;

    public string Name => "nvidia";

    public string Executable { get; } = executable;

    /// <summary>The first <c>nvidia-smi</c> in the directories of <paramref name="searchPath"/> (a PATH value), or null.</summary>
    public static string? Find(string? searchPath)
    {
        foreach (var directory in (searchPath ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, ProgramName);
            if (File.Exists(candidate) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(candidate) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0))
            {
                return candidate;
            }
        }

        return null;
    }

    public async ValueTask CollectAsync(ICollection<NodeMetric> output, CancellationToken cancellationToken)
    {
        foreach (var metric in Parse(await QueryAsync(cancellationToken)))
        {
            output.Add(metric);
        }
    }

    /// <summary>The metrics in <c>nvidia-smi</c>'s CSV answer to <see cref="QueryFields"/>; throws on a line with the wrong number of columns.</summary>
    public static IEnumerable<NodeMetric> Parse(string csv)
    {
        foreach (var rawLine in csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var columns = rawLine.Split(',', StringSplitOptions.TrimEntries);
            if (columns.Length != 7)
            {
                throw new InvalidDataException($"{ProgramName} printed a line with {columns.Length} columns where {QueryFields.Split(',').Length} were asked for: '{rawLine}'");
            }

            var busId = columns[0];
            if (TryRead(columns[1], out var utilization))
            {
                yield return Accelerator(AgentMetricNames.AccUtilization, utilization);
            }

            if (TryRead(columns[2], out var memoryUtilization))
            {
                yield return Accelerator(AgentMetricNames.NvMemUtil, memoryUtilization);
            }

            if (TryRead(columns[3], out var memoryMebibytes))
            {
                yield return Accelerator(AgentMetricNames.AccMemUsed, memoryMebibytes * BytesPerMebibyte / 1e9);
            }

            if (TryRead(columns[4], out var watts))
            {
                yield return Accelerator(AgentMetricNames.AccPower, watts);
            }

            if (TryRead(columns[5], out var celsius))
            {
                yield return Accelerator(AgentMetricNames.NvTemp, celsius);
            }

            if (TryRead(columns[6], out var megahertz))
            {
                yield return Accelerator(AgentMetricNames.NvSmClock, megahertz);
            }

            NodeMetric Accelerator(string name, double value) => new(name, MetricScopes.Accelerator, busId, value);
        }
    }

    private static bool TryRead(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private async Task<string> QueryAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add($"--query-gpu={QueryFields}");
        start.ArgumentList.Add("--format=csv,noheader,nounits");
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Executable} did not start");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(deadline.Token);
            var stderr = process.StandardError.ReadToEndAsync(deadline.Token);
            await process.WaitForExitAsync(deadline.Token);
            var text = await stdout;
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{Executable} exited with code {process.ExitCode}: {(await stderr).Trim()} {text.Trim()}".TrimEnd());
            }

            return text;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Executable} did not answer within {timeout.TotalSeconds:0} s and was killed");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
