using System.Globalization;
using Clusterdeck.Core.Metrics;
using Clusterdeck.Core.Metrics.Agent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Clusterdeck.Tests.Metrics.Agent;

/// <summary>The node collectors against this machine's real /proc and /sys, and against captured files with known answers.</summary>
public sealed class NodeCollectorsTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("clusterdeck-proc-");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public async Task ReadAsync_RealProcFirstReading_GaugesOnly()
    {
        var reader = NodeMetricsReader.Create(NodeFiles.Real, TimeProvider.System, NullLogger<NodeMetricsReader>.Instance, searchPath: "");

        var metrics = await reader.ReadAsync(Token);

        var load = Assert.Single(metrics, m => m.Name == AgentMetricNames.CpuLoad);
        Assert.Equal(MetricScopes.Node, load.Type);
        Assert.Null(load.TypeId);
        Assert.InRange(load.Value, 0, 10_000);
        var memory = Assert.Single(metrics, m => m.Name == AgentMetricNames.MemUsed);
        Assert.InRange(memory.Value, 0.001, MemTotalGigabytes());
        // Rates need a previous reading.
        Assert.DoesNotContain(metrics, m => m.Name is AgentMetricNames.CpuUser or AgentMetricNames.NetBandwidth or AgentMetricNames.FileBandwidth);
    }

    [Fact]
    public async Task ReadAsync_RealProcSecondReading_RatesPerHwthreadAndNode()
    {
        var reader = NodeMetricsReader.Create(NodeFiles.Real, TimeProvider.System, NullLogger<NodeMetricsReader>.Instance, searchPath: "");
        await reader.ReadAsync(Token);
        await BusyAsync(TimeSpan.FromMilliseconds(300)); // some user time, so the CPU counters move

        var metrics = await reader.ReadAsync(Token);

        var cpuUser = metrics.Where(m => m.Name == AgentMetricNames.CpuUser).ToList();
        Assert.Equal(Environment.ProcessorCount, cpuUser.Count);
        Assert.All(cpuUser, m => Assert.Equal(MetricScopes.HwThread, m.Type));
        Assert.Equal(
            Enumerable.Range(0, Environment.ProcessorCount).Select(i => i.ToString(CultureInfo.InvariantCulture)),
            cpuUser.Select(m => m.TypeId!).OrderBy(id => int.Parse(id, CultureInfo.InvariantCulture)));
        Assert.All(cpuUser, m => Assert.InRange(m.Value, 0, 100));
        Assert.Contains(cpuUser, m => m.Value > 0);

        var net = Value(metrics, AgentMetricNames.NetBandwidth);
        Assert.True(net >= 0);
        Assert.Equal(net, Value(metrics, AgentMetricNames.NetBytesInBandwidth) + Value(metrics, AgentMetricNames.NetBytesOutBandwidth), 6);
        var disk = Value(metrics, AgentMetricNames.FileBandwidth);
        Assert.True(disk >= 0);
        Assert.Equal(disk, Value(metrics, AgentMetricNames.IoReadBandwidth) + Value(metrics, AgentMetricNames.IoWriteBandwidth), 6);
        Assert.InRange(Value(metrics, AgentMetricNames.MemUsed), 0.001, MemTotalGigabytes());
    }

    [Fact]
    public async Task ReadAsync_CapturedFiles_ComputesExactValues()
    {
        var time = new FakeTimeProvider();
        Capture(cpu0: "100 5 50 800 10 0 5 0 0 0", cpu1: "10 0 10 170 0 0 0 0 0 0", eth0: (1_000, 500), vda: (2_000, 4_000), vda1: (2_000, 4_000), loop0: (0, 0));
        var reader = NodeMetricsReader.Create(new NodeFiles(_root.FullName), time, NullLogger<NodeMetricsReader>.Instance, searchPath: "");
        var first = await reader.ReadAsync(Token);
        Assert.Equal(0.42, Value(first, AgentMetricNames.CpuLoad));
        // (16384000 − 4096000) KiB in use, as GB.
        Assert.Equal(12_288_000.0 * 1024 / 1e9, Value(first, AgentMetricNames.MemUsed), 9);

        time.Advance(TimeSpan.FromSeconds(10));
        Capture(cpu0: "130 5 60 860 10 0 5 0 0 0", cpu1: "10 0 10 270 0 0 0 0 0 0", eth0: (21_000, 10_500), vda: (2_100, 4_300), vda1: (9_999, 9_999), loop0: (5_000, 5_000));
        var second = await reader.ReadAsync(Token);

        // cpu0: 30 user ticks of 100; cpu1: idle only.
        Assert.Equal(30.0, second.Single(m => m.Name == AgentMetricNames.CpuUser && m.TypeId == "0").Value, 9);
        Assert.Equal(0.0, second.Single(m => m.Name == AgentMetricNames.CpuUser && m.TypeId == "1").Value, 9);
        // eth0: 20000 B in and 10000 B out in 10 s; lo is not counted.
        Assert.Equal(2_000, Value(second, AgentMetricNames.NetBytesInBandwidth), 9);
        Assert.Equal(1_000, Value(second, AgentMetricNames.NetBytesOutBandwidth), 9);
        Assert.Equal(3_000, Value(second, AgentMetricNames.NetBandwidth), 9);
        // vda only (its partition and the loop device would count twice or not at all): 100 and 300 sectors of 512 B in 10 s.
        Assert.Equal(100 * 512 / 10.0, Value(second, AgentMetricNames.IoReadBandwidth), 9);
        Assert.Equal(300 * 512 / 10.0, Value(second, AgentMetricNames.IoWriteBandwidth), 9);
        Assert.Equal(400 * 512 / 10.0, Value(second, AgentMetricNames.FileBandwidth), 9);
    }

    [Fact]
    public async Task ReadAsync_CounterWentBackwards_ContributesNothingThatCycle()
    {
        var time = new FakeTimeProvider();
        Capture(cpu0: "100 0 0 100 0 0 0 0 0 0", cpu1: "100 0 0 100 0 0 0 0 0 0", eth0: (1_000_000, 1_000_000), vda: (0, 0), vda1: (0, 0), loop0: (0, 0));
        var reader = NodeMetricsReader.Create(new NodeFiles(_root.FullName), time, NullLogger<NodeMetricsReader>.Instance, searchPath: "");
        await reader.ReadAsync(Token);

        time.Advance(TimeSpan.FromSeconds(5));
        Capture(cpu0: "100 0 0 100 0 0 0 0 0 0", cpu1: "100 0 0 100 0 0 0 0 0 0", eth0: (10, 10), vda: (0, 0), vda1: (0, 0), loop0: (0, 0));
        var metrics = await reader.ReadAsync(Token);

        Assert.Equal(0, Value(metrics, AgentMetricNames.NetBandwidth));
        Assert.DoesNotContain(metrics, m => m.Name == AgentMetricNames.CpuUser); // no tick passed: nothing to divide by
    }

    [Fact]
    public async Task ReadAsync_OneSourceMissing_OthersStillRead()
    {
        Capture(cpu0: "1 0 0 1 0 0 0 0 0 0", cpu1: "1 0 0 1 0 0 0 0 0 0", eth0: (0, 0), vda: (0, 0), vda1: (0, 0), loop0: (0, 0));
        File.Delete(Path.Combine(_root.FullName, "proc", "meminfo"));
        var reader = NodeMetricsReader.Create(new NodeFiles(_root.FullName), new FakeTimeProvider(), NullLogger<NodeMetricsReader>.Instance, searchPath: "");

        var metrics = await reader.ReadAsync(Token);

        Assert.DoesNotContain(metrics, m => m.Name == AgentMetricNames.MemUsed);
        Assert.Contains(metrics, m => m.Name == AgentMetricNames.CpuLoad);
    }

    private static double Value(IReadOnlyList<NodeMetric> metrics, string name) => Assert.Single(metrics, m => m.Name == name).Value;

    private static double MemTotalGigabytes()
    {
        var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024 / 1e9;
    }

    private static async Task BusyAsync(TimeSpan duration)
    {
        var until = DateTime.UtcNow + duration;
        await Task.WhenAll(Enumerable.Range(0, Environment.ProcessorCount).Select(_ => Task.Run(() =>
        {
            var x = 0.0;
            while (DateTime.UtcNow < until)
            {
                x = Math.Sqrt(x + 1);
            }

            return x;
        })));
    }

    /// <summary>Writes /proc and /sys files in the kernel's formats (spacing included) under the temporary root.</summary>
    private void Capture(string cpu0, string cpu1, (long Rx, long Tx) eth0, (long Read, long Written) vda, (long Read, long Written) vda1, (long Read, long Written) loop0)
    {
        var proc = Directory.CreateDirectory(Path.Combine(_root.FullName, "proc"));
        Directory.CreateDirectory(Path.Combine(proc.FullName, "net"));
        File.WriteAllText(Path.Combine(proc.FullName, "loadavg"), "0.42 0.93 1.76 1/92 4300\n");
        File.WriteAllText(Path.Combine(proc.FullName, "stat"), $"cpu  1 2 3 4 5 6 7 8 0 0\ncpu0 {cpu0}\ncpu1 {cpu1}\nintr 12345 0 0\nctxt 987654\nbtime 1700000000\nprocesses 4321\n");
        File.WriteAllText(Path.Combine(proc.FullName, "meminfo"), "MemTotal:       16384000 kB\nMemFree:         1000000 kB\nMemAvailable:    4096000 kB\nBuffers:          200000 kB\nCached:          2000000 kB\nShmem:             50000 kB\n");
        File.WriteAllText(Path.Combine(proc.FullName, "net", "dev"),
            "Inter-|   Receive                                                |  Transmit\n" +
            " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n" +
            "    lo: 2682301967 4763827    0    0    0     0          0         0 2682301967 4763827    0    0    0     0       0          0\n" +
            $"  eth0:{eth0.Rx}    6367    0    0    0     0          0         0 {eth0.Tx}    4158    0    0    0     0       0          0\n");
        File.WriteAllText(Path.Combine(proc.FullName, "diskstats"),
            $"   7       0 loop0 0 0 {loop0.Read} 0 0 0 {loop0.Written} 0 0 0 0 0 0 0 0 0 0\n" +
            $" 254       0 vda 1836722 131366 {vda.Read} 429756 4051646 7714833 {vda.Written} 5640166 0 1022272 6746974 7394029 42 96556808 671036 40848 6015\n" +
            $" 254       1 vda1 1836000 131000 {vda1.Read} 429000 4051000 7714000 {vda1.Written} 5640000 0 1022000 6746000 7394000 42 96556000 671000 40000 6000\n");

        var block = Directory.CreateDirectory(Path.Combine(_root.FullName, "sys", "block"));
        Directory.CreateDirectory(Path.Combine(_root.FullName, "sys", "devices", "pci0000:00", "virtio1", "block", "vda"));
        Directory.CreateDirectory(Path.Combine(_root.FullName, "sys", "devices", "virtual", "block", "loop0"));
        Link(Path.Combine(block.FullName, "vda"), "../devices/pci0000:00/virtio1/block/vda");
        Link(Path.Combine(block.FullName, "loop0"), "../devices/virtual/block/loop0");

        static void Link(string path, string target)
        {
            if (!Path.Exists(path))
            {
                File.CreateSymbolicLink(path, target);
            }
        }
    }
}
