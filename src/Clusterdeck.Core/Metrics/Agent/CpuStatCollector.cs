using System.Globalization;

namespace Clusterdeck.Core.Metrics.Agent;

/// <summary>
/// <c>cpu_user</c> per hwthread (type-id = the CPU number of <c>cpuN</c> in <c>/proc/stat</c>): the share of the
/// CPU's time since the previous reading spent in user mode, in percent. cc-metric-collector divides by wall time
/// and the clock tick; dividing by the CPU's own tick total instead gives the same figure without depending on
/// <c>CLK_TCK</c> or on how late the reading ran, and stays within 0..100.
/// </summary>
internal sealed class CpuStatCollector(NodeFiles files) : INodeCollector
{
    // user nice system idle iowait irq softirq steal: guest and guest_nice are already part of user and nice.
    private const int CountedFields = 8;

    private Dictionary<string, (ulong User, ulong Total)> _previous = [];

    public string Name => "cpustat";

    public ValueTask CollectAsync(ICollection<NodeMetric> output, CancellationToken cancellationToken)
    {
        var current = new Dictionary<string, (ulong User, ulong Total)>(_previous.Count);
        foreach (var line in files.ReadText("proc/stat").Split('\n'))
        {
            if (!line.StartsWith("cpu", StringComparison.Ordinal) || line.Length < 4 || !char.IsAsciiDigit(line[3]))
            {
                continue; // the "cpu " total line and every other counter
            }

            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var cpu = fields[0][3..];
            ulong user = 0, total = 0;
            for (var i = 1; i <= CountedFields && i < fields.Length; i++)
            {
                var ticks = ulong.Parse(fields[i], NumberStyles.None, CultureInfo.InvariantCulture);
                total += ticks;
                if (i == 1)
                {
                    user = ticks;
                }
            }

            current[cpu] = (user, total);
            if (_previous.TryGetValue(cpu, out var before) && total > before.Total && user >= before.User)
            {
                var percent = 100.0 * (user - before.User) / (total - before.Total);
                output.Add(new NodeMetric(AgentMetricNames.CpuUser, MetricScopes.HwThread, cpu, Math.Min(percent, 100.0)));
            }
        }

        _previous = current;
        return ValueTask.CompletedTask;
    }
}
