using System.Globalization;

namespace Clusterdeck.Core.Metrics.Agent;

/// <summary>
/// <c>file_bw</c>, <c>io_read_bw</c> and <c>io_write_bw</c> (node, bytes/s) from the sector counters of
/// <c>/proc/diskstats</c>, summed over whole physical disks (<see cref="NodeFiles.IsPhysicalDisk"/>): partitions,
/// device-mapper and md devices would count the same traffic twice. A diskstats sector is always 512 bytes.
/// </summary>
internal sealed class DiskCollector(NodeFiles files, TimeProvider timeProvider) : INodeCollector
{
    private const int SectorBytes = 512;
    private const int NameColumn = 2;
    private const int SectorsReadColumn = 5;
    private const int SectorsWrittenColumn = 9;

    private readonly CounterRates _rates = new(timeProvider);
    private readonly Dictionary<string, bool> _physical = new(StringComparer.Ordinal);

    public string Name => "diskstat";

    public ValueTask CollectAsync(ICollection<NodeMetric> output, CancellationToken cancellationToken)
    {
        var text = files.ReadText("proc/diskstats");
        var measuring = _rates.Begin();
        double read = 0, written = 0;
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (columns.Length <= SectorsWrittenColumn || !IsPhysical(columns[NameColumn]))
            {
                continue;
            }

            var device = columns[NameColumn];
            var r = _rates.Observe(device + "/read", ulong.Parse(columns[SectorsReadColumn], NumberStyles.None, CultureInfo.InvariantCulture));
            var w = _rates.Observe(device + "/write", ulong.Parse(columns[SectorsWrittenColumn], NumberStyles.None, CultureInfo.InvariantCulture));
            read += (r ?? 0) * SectorBytes;
            written += (w ?? 0) * SectorBytes;
        }

        _rates.End();
        if (measuring)
        {
            output.Add(NodeMetric.Node(AgentMetricNames.FileBandwidth, read + written));
            output.Add(NodeMetric.Node(AgentMetricNames.IoReadBandwidth, read));
            output.Add(NodeMetric.Node(AgentMetricNames.IoWriteBandwidth, written));
        }

        return ValueTask.CompletedTask;
    }

    private bool IsPhysical(string device)
    {
        if (!_physical.TryGetValue(device, out var physical))
        {
            physical = files.IsPhysicalDisk(device);
            _physical[device] = physical;
        }

        return physical;
    }
}
