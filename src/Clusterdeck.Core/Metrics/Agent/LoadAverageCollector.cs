using System.Globalization;

namespace Clusterdeck.Core.Metrics.Agent;

/// <summary><c>cpu_load</c> (node): the 1-minute load average from <c>/proc/loadavg</c>, a gauge.</summary>
internal sealed class LoadAverageCollector(NodeFiles files) : INodeCollector
{
    public string Name => "loadavg";

    public ValueTask CollectAsync(ICollection<NodeMetric> output, CancellationToken cancellationToken)
    {
        var text = files.ReadText("proc/loadavg");
        var first = text.AsSpan().TrimStart();
        var end = first.IndexOfAny(' ', '\n');
        var field = end < 0 ? first : first[..end];
        if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var oneMinute))
        {
            throw new InvalidDataException($"/proc/loadavg does not start with a number: '{text.Trim()}'");
        }

        output.Add(NodeMetric.Node(AgentMetricNames.CpuLoad, oneMinute));
        return ValueTask.CompletedTask;
    }
}
