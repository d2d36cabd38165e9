using System.Globalization;

namespace Clusterdeck.Core.Metrics.Agent;

/// <summary>
/// <c>mem_used</c> (node) in GB: <c>MemTotal − MemAvailable</c> from <c>/proc/meminfo</c>, the kernel's own estimate of
/// memory that cannot be reclaimed. cc-metric-collector subtracts free, buffers, cached and shmem from the total,
/// which can count shared memory twice; kernels before 3.14 have no MemAvailable and get that formula (without
/// shmem). <c>kB</c> in meminfo means KiB; GB is 10^9 bytes as cc's unit prefix G.
/// </summary>
internal sealed class MemoryCollector(NodeFiles files) : INodeCollector
{
    public string Name => "memstat";

    public ValueTask CollectAsync(ICollection<NodeMetric> output, CancellationToken cancellationToken)
    {
        var kib = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in files.ReadText("proc/meminfo").Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var value = line.AsSpan(colon + 1).Trim();
            if (value.EndsWith("kB", StringComparison.Ordinal))
            {
                value = value[..^2].TrimEnd();
            }

            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                kib[line[..colon]] = number;
            }
        }

        if (!kib.TryGetValue("MemTotal", out var total))
        {
            throw new InvalidDataException("/proc/meminfo has no MemTotal");
        }

        var available = kib.TryGetValue("MemAvailable", out var reported)
            ? reported
            : kib.GetValueOrDefault("MemFree") + kib.GetValueOrDefault("Buffers") + kib.GetValueOrDefault("Cached");
        var usedBytes = Math.Clamp(total - available, 0, total) * 1024;
        output.Add(NodeMetric.Node(AgentMetricNames.MemUsed, usedBytes / 1e9));
        return ValueTask.CompletedTask;
    }
}
