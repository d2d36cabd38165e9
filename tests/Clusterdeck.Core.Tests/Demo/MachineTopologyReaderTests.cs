using Clusterdeck.Core.Demo;
using Clusterdeck.Core.Metrics.Agent;

namespace Clusterdeck.Core.Tests.Demo;

public sealed class MachineTopologyReaderTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("clusterdeck-topology-");

    public void Dispose() => _root.Delete(recursive: true);

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(_root.FullName, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>Two sockets of two cores with two threads each, numbered as Linux numbers SMT siblings (cpu N and N+4), and two NUMA nodes.</summary>
    private void WriteTwoSocketMachine(bool withSysfs)
    {
        var cpuinfo = new System.Text.StringBuilder();
        for (var cpu = 0; cpu < 8; cpu++)
        {
            var package = cpu % 4 / 2;
            var core = cpu % 2;
            if (withSysfs)
            {
                Write($"sys/devices/system/cpu/cpu{cpu}/topology/physical_package_id", $"{package}\n");
                Write($"sys/devices/system/cpu/cpu{cpu}/topology/core_id", $"{core}\n");
                Write($"sys/devices/system/cpu/cpu{cpu}/topology/die_id", "0\n");
            }

            cpuinfo.Append($"processor\t: {cpu}\nmodel name\t: Test CPU 9000\nphysical id\t: {package}\ncore id\t\t: {core}\ncpu MHz\t\t: 2500.000\nflags\t\t: fpu sse2 avx avx2 fma\n\n");
        }

        Write("proc/cpuinfo", cpuinfo.ToString());
        Write("proc/meminfo", "MemTotal:       65536000 kB\nMemFree:        1000 kB\n");
        if (withSysfs)
        {
            Write("sys/devices/system/cpu/online", "0-7\n");
            Write("sys/devices/system/node/node0/cpulist", "0-1,4-5\n");
            Write("sys/devices/system/node/node1/cpulist", "2-3,6-7\n");
            Write("sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq", "3200000\n");
        }
    }

    [Fact]
    public void Read_Sysfs_GroupsThreadsBySocketNumaDomainAndCore()
    {
        WriteTwoSocketMachine(withSysfs: true);

        var machine = MachineTopologyReader.Read(new NodeFiles(_root.FullName));

        Assert.Equal("Test CPU 9000", machine.ProcessorType);
        Assert.Equal((2, 2, 2), (machine.SocketsPerNode, machine.CoresPerSocket, machine.ThreadsPerCore));
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7], machine.Topology.Node);
        Assert.Equal([[0, 1, 4, 5], [2, 3, 6, 7]], machine.Topology.Socket);
        Assert.Equal([[0, 1, 4, 5], [2, 3, 6, 7]], machine.Topology.MemoryDomain);
        Assert.Equal([[0, 4], [1, 5], [2, 6], [3, 7]], machine.Topology.Core);
        Assert.Null(machine.Topology.Die); // one die per socket: cc-backend leaves the list out
        Assert.Null(machine.Topology.Accelerators);
        Assert.Equal(65536000L * 1024, machine.MemoryBytes);
        Assert.Equal(3200, machine.ClockMhz); // cpufreq's maximum wins over cpuinfo's current clock
        Assert.Equal(16, machine.SimdFlopsPerCycle); // AVX2 with FMA
    }

    [Fact]
    public void Read_OnlyCpuinfo_FallsBackToItsIdsAndOneDomainPerSocket()
    {
        WriteTwoSocketMachine(withSysfs: false);

        var machine = MachineTopologyReader.Read(new NodeFiles(_root.FullName));

        Assert.Equal([[0, 1, 4, 5], [2, 3, 6, 7]], machine.Topology.Socket);
        Assert.Equal([[0, 1, 4, 5], [2, 3, 6, 7]], machine.Topology.MemoryDomain);
        Assert.Equal([[0, 4], [1, 5], [2, 6], [3, 7]], machine.Topology.Core);
        Assert.Equal(2500, machine.ClockMhz);
    }

    [Fact]
    public void Read_ThisMachine_CountsMatchTheRuntime()
    {
        var machine = MachineTopologyReader.Read(NodeFiles.Real);

        Assert.Equal(Environment.ProcessorCount, machine.HwThreads);
        Assert.Equal(machine.HwThreads, machine.Topology.Socket.Sum(s => s.Count));
        Assert.Equal(machine.HwThreads, machine.Topology.Core.Sum(c => c.Count));
        Assert.Equal(machine.HwThreads, machine.Topology.MemoryDomain.Sum(d => d.Count));
        Assert.True(machine.MemoryBytes > 0);
    }

    [Theory]
    [InlineData("0-3", new[] { 0, 1, 2, 3 })]
    [InlineData("0,2,4\n", new[] { 0, 2, 4 })]
    [InlineData("0-1,8-9", new[] { 0, 1, 8, 9 })]
    [InlineData("", new int[0])]
    public void ParseCpuList_KernelFormat_ListsEveryCpu(string text, int[] expected) =>
        Assert.Equal(expected, MachineTopologyReader.ParseCpuList(text));

    [Fact]
    public void ParseNvidiaGpus_CsvLines_AcceleratorsWithBusIdModelAndMemory()
    {
        var gpus = MachineTopologyReader.ParseNvidiaGpus("00000000:3B:00.0, NVIDIA A100-SXM4-40GB, 40960\n00000000:86:00.0, NVIDIA A100-SXM4-40GB, 40960\n");

        Assert.Equal(2, gpus.Count);
        Assert.Equal("00000000:3B:00.0", gpus[0].Accelerator.Id);
        Assert.Equal("Nvidia GPU", gpus[0].Accelerator.Type);
        Assert.Equal("NVIDIA A100-SXM4-40GB", gpus[1].Accelerator.Model);
        Assert.Equal(40960L * 1024 * 1024, gpus[1].MemoryBytes);
    }

    [Fact]
    public void ParseNvidiaGpus_LineWithTooFewColumns_Throws() =>
        Assert.Throws<InvalidDataException>(() => MachineTopologyReader.ParseNvidiaGpus("NVIDIA-SMI has failed\n"));

    [Theory]
    [InlineData("fpu sse2 avx avx2 fma avx512f", 32)]
    [InlineData("fpu sse2 avx", 8)]
    [InlineData("fp asimd evtstrm", 4)]
    [InlineData("", 2)]
    public void SimdFlopsPerCycle_WidestVectorUnit(string flags, int expected) =>
        Assert.Equal(expected, MachineTopologyReader.SimdFlopsPerCycle(flags));
}
