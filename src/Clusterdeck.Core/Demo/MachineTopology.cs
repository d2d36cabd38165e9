using Clusterdeck.Core.Clusters;

namespace Clusterdeck.Core.Demo;

/// <summary>
/// This machine's hardware as a <c>cluster.json</c> subcluster describes one node: hardware threads grouped by socket,
/// NUMA domain and core, memory, clock and SIMD width (for a peak flop rate), and GPUs.
/// </summary>
public sealed record MachineTopology
{
    public required string ProcessorType { get; init; }

    /// <summary>Hardware-thread groups as cluster.json writes them; accelerators when the machine has GPUs.</summary>
    public required Topology Topology { get; init; }

    public required int SocketsPerNode { get; init; }

    public required int CoresPerSocket { get; init; }

    public required int ThreadsPerCore { get; init; }

    /// <summary>Total memory (<c>MemTotal</c>) in bytes.</summary>
    public required long MemoryBytes { get; init; }

    /// <summary>Nominal or maximum core clock in MHz.</summary>
    public required double ClockMhz { get; init; }

    /// <summary>Double-precision floating-point operations per cycle and core with the widest SIMD the CPU has (FMA counted twice).</summary>
    public required int SimdFlopsPerCycle { get; init; }

    /// <summary>Memory of each GPU in bytes, by accelerator id (the PCI bus id); empty without GPUs.</summary>
    public IReadOnlyDictionary<string, long> AcceleratorMemoryBytes { get; init; } = new Dictionary<string, long>();

    public int HwThreads => Topology.Node.Count;

    public int Cores => Topology.Core.Count;

    public int Accelerators => Topology.Accelerators?.Count ?? 0;
}
