using System.Runtime.InteropServices;

namespace Clusterdeck.Bench;

/// <summary>The facts about the machine that docs/performance.md records next to every result.</summary>
internal static class MachineInfo
{
    public static string Describe()
    {
        var cpu = ReadField("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memory = ReadField("/proc/meminfo", "MemTotal") ?? "unknown";
        return $"machine: {Environment.ProcessorCount} logical CPUs ({cpu}), MemTotal {memory}, {RuntimeInformation.OSDescription}, "
            + $"{RuntimeInformation.FrameworkDescription}, server GC in this process: {System.Runtime.GCSettings.IsServerGC}";
    }

    /// <summary>The 1, 5 and 15 minute load averages: well above 0 before a run means something else shares the CPUs.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? "load average: " + string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "load average: unknown";

    private static string? ReadField(string file, string key)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        return File.ReadLines(file)
            .Where(line => line.StartsWith(key, StringComparison.Ordinal))
            .Select(line => line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())
            .FirstOrDefault();
    }
}
