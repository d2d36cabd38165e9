using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Demo;

namespace Clusterdeck.Core.Tests.Demo;

/// <summary>Machines for the demo's tests: a small two-socket server, with or without GPUs.</summary>
internal static class DemoMachines
{
    public static MachineTopology TwoSockets(int gpus = 0) => new()
    {
        ProcessorType = "Test CPU 9000",
        Topology = new Topology
        {
            Node = [0, 1, 2, 3, 4, 5, 6, 7],
            Socket = [[0, 1, 2, 3], [4, 5, 6, 7]],
            MemoryDomain = [[0, 1, 2, 3], [4, 5, 6, 7]],
            Core = [[0], [1], [2], [3], [4], [5], [6], [7]],
            Accelerators = gpus == 0 ? null : [.. Enumerable.Range(0, gpus).Select(i => new Accelerator { Id = $"00000000:{i + 1:X2}:00.0", Type = "Nvidia GPU", Model = "Test GPU" })],
        },
        SocketsPerNode = 2,
        CoresPerSocket = 4,
        ThreadsPerCore = 1,
        MemoryBytes = 64_000_000_000,
        ClockMhz = 2500,
        SimdFlopsPerCycle = 16,
        AcceleratorMemoryBytes = Enumerable.Range(0, gpus).ToDictionary(i => $"00000000:{i + 1:X2}:00.0", _ => 40_000_000_000L),
    };
}
