using BenchmarkDotNet.Attributes;
using Clusterdeck.Core.Metrics.Agent;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clusterdeck.Bench;

/// <summary>
/// What the node agent costs the node it measures, once per interval: one reading of every collector on this machine's
/// real /proc and /sys (load, per-hwthread CPU, memory, network, disks; no nvidia-smi here) and its line protocol.
/// </summary>
[MemoryDiagnoser]
public class AgentReadingBenchmarks
{
    private NodeMetricsReader? _reader;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _reader = NodeMetricsReader.Create(NodeFiles.Real, TimeProvider.System, NullLogger<NodeMetricsReader>.Instance, searchPath: "");
        await _reader.ReadAsync(CancellationToken.None); // the baseline, so every measured reading includes the rates
    }

    [Benchmark]
    public async Task<string> ReadAndEncode() =>
        LineProtocolFormat.Encode(await _reader!.ReadAsync(CancellationToken.None), "bench-node", DateTimeOffset.UtcNow);
}
