using Microsoft.Extensions.Logging;

namespace Clusterdeck.Core.Metrics.Agent;

/// <summary>
/// Runs every collector of this node once per reading. A collector that fails (a file missing, <c>nvidia-smi</c>
/// hanging) is logged and left out of that reading; the others still count.
/// </summary>
public sealed partial class NodeMetricsReader
{
    private static readonly TimeSpan NvidiaSmiTimeout = TimeSpan.FromSeconds(10);

    private readonly IReadOnlyList<INodeCollector> _collectors;
    private readonly ILogger _logger;
    private readonly Dictionary<string, string> _failing = new(StringComparer.Ordinal);

    internal NodeMetricsReader(IReadOnlyList<INodeCollector> collectors, ILogger logger)
    {
        _collectors = collectors;
        _logger = logger;
    }

    /// <summary>Names of the collectors in use, e.g. <c>loadavg, cpustat, memstat, netstat, diskstat</c> (and <c>nvidia</c>).</summary>
    public IReadOnlyList<string> CollectorNames => [.. _collectors.Select(c => c.Name)];

    /// <summary><see cref="CollectorNames"/> as one comma-separated string, for logs.</summary>
    public string CollectorList => string.Join(", ", CollectorNames);

    /// <summary>
    /// The collectors of a Linux node reading <paramref name="files"/>; the NVIDIA one only when an executable
    /// <c>nvidia-smi</c> is in a directory of <paramref name="searchPath"/> (default: this process's PATH).
    /// </summary>
    public static NodeMetricsReader Create(NodeFiles files, TimeProvider timeProvider, ILogger<NodeMetricsReader> logger, string? searchPath = null)
    {
        List<INodeCollector> collectors =
        [
            new LoadAverageCollector(files),
            new CpuStatCollector(files),
            new MemoryCollector(files),
            new NetworkCollector(files, timeProvider),
            new DiskCollector(files, timeProvider),
        ];
        if (NvidiaSmiCollector.Find(searchPath ?? Environment.GetEnvironmentVariable("PATH")) is { } nvidiaSmi)
        {
            collectors.Add(new NvidiaSmiCollector(nvidiaSmi, NvidiaSmiTimeout));
        }

        return new NodeMetricsReader(collectors, logger);
    }

    /// <summary>One reading of every collector. Rate metrics appear from the second reading on.</summary>
    public async Task<IReadOnlyList<NodeMetric>> ReadAsync(CancellationToken cancellationToken)
    {
        var metrics = new List<NodeMetric>();
        foreach (var collector in _collectors)
        {
            var before = metrics.Count;
            try
            {
                await collector.CollectAsync(metrics, cancellationToken);
                if (_failing.Remove(collector.Name))
                {
                    LogCollectorRecovered(collector.Name);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                metrics.RemoveRange(before, metrics.Count - before); // nothing half-read
                // Warn when a collector starts failing or fails differently; the same failure every cycle is debug noise.
                if (!_failing.TryGetValue(collector.Name, out var previous) || previous != e.Message)
                {
                    _failing[collector.Name] = e.Message;
                    LogCollectorFailed(collector.Name, e.Message);
                }
                else
                {
                    LogCollectorStillFailing(collector.Name);
                }
            }
        }

        return metrics;
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Node collector {Collector} failed; its metrics are left out until it works again: {Reason}")]
    private partial void LogCollectorFailed(string collector, string reason);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "Node collector {Collector} failed again in the same way")]
    private partial void LogCollectorStillFailing(string collector);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Node collector {Collector} works again")]
    private partial void LogCollectorRecovered(string collector);
}
