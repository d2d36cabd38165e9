using System.Globalization;

namespace Clusterdeck.Core.Metrics.Agent;

/// <summary>
/// <c>net_bw</c>, <c>net_bytes_in_bw</c> and <c>net_bytes_out_bw</c> (node, bytes/s) from the byte counters of
/// <c>/proc/net/dev</c>, summed over every interface but loopback. Rates: nothing on the first reading.
/// </summary>
internal sealed class NetworkCollector(NodeFiles files, TimeProvider timeProvider) : INodeCollector
{
    // Columns after "iface:": receive bytes packets errs drop fifo frame compressed multicast, then transmit bytes ...
    private const int ReceiveBytesColumn = 0;
    private const int TransmitBytesColumn = 8;

    private readonly CounterRates _rates = new(timeProvider);

    public string Name => "netstat";

    public ValueTask CollectAsync(ICollection<NodeMetric> output, CancellationToken cancellationToken)
    {
        var text = files.ReadText("proc/net/dev");
        var measuring = _rates.Begin();
        double received = 0, sent = 0;
        foreach (var line in text.Split('\n'))
        {
            // The first two lines are headers; counters can run into the colon ("eth0:223380355"), so split there.
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            var device = line[..colon].Trim();
            if (device == "lo")
            {
                continue;
            }

            var columns = line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (columns.Length <= TransmitBytesColumn)
            {
                continue;
            }

            var rx = _rates.Observe(device + "/rx", ulong.Parse(columns[ReceiveBytesColumn], NumberStyles.None, CultureInfo.InvariantCulture));
            var tx = _rates.Observe(device + "/tx", ulong.Parse(columns[TransmitBytesColumn], NumberStyles.None, CultureInfo.InvariantCulture));
            received += rx ?? 0;
            sent += tx ?? 0;
        }

        _rates.End();
        if (measuring)
        {
            output.Add(NodeMetric.Node(AgentMetricNames.NetBandwidth, received + sent));
            output.Add(NodeMetric.Node(AgentMetricNames.NetBytesInBandwidth, received));
            output.Add(NodeMetric.Node(AgentMetricNames.NetBytesOutBandwidth, sent));
        }

        return ValueTask.CompletedTask;
    }
}
