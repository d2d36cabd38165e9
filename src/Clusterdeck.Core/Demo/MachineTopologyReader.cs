using System.Diagnostics;
using System.Globalization;
using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Metrics.Agent;

namespace Clusterdeck.Core.Demo;

/// <summary>
/// Reads this machine's topology as cc-backend's <c>cluster.json</c> needs it: hardware threads from
/// <c>/sys/devices/system/cpu</c> (package, die and core ids), NUMA domains from <c>/sys/devices/system/node</c>, with
/// <c>/proc/cpuinfo</c> where sysfs is missing (some containers), memory from <c>/proc/meminfo</c>, and GPUs from
/// <c>nvidia-smi</c> when it is installed.
/// </summary>
public static class MachineTopologyReader
{
    /// <summary>The fields asked of <c>nvidia-smi</c>, in the order <see cref="ParseNvidiaGpus"/> reads them.</summary>
    public const string NvidiaQueryFields = "pci.bus_id,name,memory.total";

    private const string CpuDirectory = "sys/devices/system/cpu";
    private const string NumaDirectory = "sys/devices/system/node";

    /// <summary>The topology under <paramref name="files"/>, with <paramref name="gpus"/> as its accelerators.</summary>
    public static MachineTopology Read(NodeFiles files, IReadOnlyList<(Accelerator Accelerator, long MemoryBytes)>? gpus = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        var cpuinfo = ParseCpuInfo(TryRead(files, "proc/cpuinfo") ?? "");
        var threads = ReadThreads(files, cpuinfo);
        if (threads.Count == 0)
        {
            // Neither sysfs nor cpuinfo: the one thing certain is the runtime's own count.
            threads = [.. Enumerable.Range(0, Environment.ProcessorCount).Select(i => new HwThread(i, 0, 0, i))];
        }

        var sockets = threads.GroupBy(t => t.Package).OrderBy(g => g.Key).Select(g => Sorted(g.Select(t => t.Id))).ToList();
        var cores = threads.GroupBy(t => (t.Package, t.Die, t.Core)).Select(g => Sorted(g.Select(t => t.Id))).OrderBy(c => c[0]).ToList();
        var dies = threads.GroupBy(t => (t.Package, t.Die)).OrderBy(g => g.Key).Select(g => Sorted(g.Select(t => t.Id))).ToList();
        var domains = ReadNumaDomains(files, threads);

        var topology = new Topology
        {
            Node = Sorted(threads.Select(t => t.Id)),
            Socket = sockets,
            MemoryDomain = domains,
            // cc-backend's topology lists dies only where a socket has more than one.
            Die = dies.Count > sockets.Count ? dies : null,
            Core = cores,
            Accelerators = gpus is { Count: > 0 } ? [.. gpus.Select(g => g.Accelerator)] : null,
        };

        var first = cpuinfo.Count > 0 ? cpuinfo[0] : new Dictionary<string, string>();
        return new MachineTopology
        {
            ProcessorType = ProcessorType(first),
            Topology = topology,
            SocketsPerNode = sockets.Count,
            CoresPerSocket = (int)Math.Ceiling(cores.Count / (double)sockets.Count),
            ThreadsPerCore = cores.Max(c => c.Count),
            MemoryBytes = ReadMemoryBytes(files),
            ClockMhz = ReadClockMhz(files, first),
            SimdFlopsPerCycle = SimdFlopsPerCycle(first.GetValueOrDefault("flags") ?? first.GetValueOrDefault("Features") ?? ""),
            AcceleratorMemoryBytes = gpus is null ? new Dictionary<string, long>() : gpus.ToDictionary(g => g.Accelerator.Id, g => g.MemoryBytes, StringComparer.Ordinal),
        };
    }

    /// <summary>Parses a kernel CPU list (<c>0-3,8-11</c>, <c>0,2,4</c>); empty text is an empty list.</summary>
    public static IReadOnlyList<int> ParseCpuList(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cpus = new List<int>();
        foreach (var part in text.Trim().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var dash = part.IndexOf('-', StringComparison.Ordinal);
            if (dash < 0)
            {
                cpus.Add(ParseInt(part));
                continue;
            }

            var (from, to) = (ParseInt(part[..dash]), ParseInt(part[(dash + 1)..]));
            for (var cpu = from; cpu <= to; cpu++)
            {
                cpus.Add(cpu);
            }
        }

        return cpus;
    }

    /// <summary>The GPUs in <c>nvidia-smi --query-gpu=<see cref="NvidiaQueryFields"/> --format=csv,noheader,nounits</c> output (memory in MiB).</summary>
    public static IReadOnlyList<(Accelerator Accelerator, long MemoryBytes)> ParseNvidiaGpus(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var gpus = new List<(Accelerator, long)>();
        foreach (var line in csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var columns = line.Split(',', StringSplitOptions.TrimEntries);
            if (columns.Length < 3 || columns[0].Length == 0)
            {
                throw new InvalidDataException($"nvidia-smi printed '{line}' where '{NvidiaQueryFields}' was asked for");
            }

            var mebibytes = double.TryParse(columns[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : 0;
            gpus.Add((new Accelerator { Id = columns[0], Type = "Nvidia GPU", Model = columns[1] }, (long)(mebibytes * 1024 * 1024)));
        }

        return gpus;
    }

    /// <summary>This machine's NVIDIA GPUs, or none when <c>nvidia-smi</c> is not on the PATH or does not answer within 10 s.</summary>
    public static async Task<IReadOnlyList<(Accelerator Accelerator, long MemoryBytes)>> QueryNvidiaGpusAsync(CancellationToken cancellationToken)
    {
        if (NvidiaSmiCollector.Find(Environment.GetEnvironmentVariable("PATH")) is not { } executable)
        {
            return [];
        }

        var start = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add($"--query-gpu={NvidiaQueryFields}");
        start.ArgumentList.Add("--format=csv,noheader,nounits");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return [];
            }

            var output = await process.StandardOutput.ReadToEndAsync(deadline.Token);
            await process.WaitForExitAsync(deadline.Token);
            return process.ExitCode == 0 ? ParseNvidiaGpus(output) : [];
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidDataException or System.ComponentModel.Win32Exception && !cancellationToken.IsCancellationRequested)
        {
            // A GPU driver that does not answer makes a node without GPUs, not a demo that does not start.
            return [];
        }
    }

    /// <summary>Double-precision flops per cycle and core: two FMA units of the widest vector width the flags name.</summary>
    internal static int SimdFlopsPerCycle(string flags)
    {
        var set = flags.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        return set.Contains("avx512f") ? 32
            : set.Contains("avx2") && set.Contains("fma") ? 16
            : set.Contains("avx") ? 8
            : set.Contains("sse2") || set.Contains("asimd") ? 4
            : 2;
    }

    private static List<HwThread> ReadThreads(NodeFiles files, IReadOnlyList<Dictionary<string, string>> cpuinfo)
    {
        var online = TryRead(files, $"{CpuDirectory}/online") is { } text ? ParseCpuList(text) : [];
        var threads = new List<HwThread>();
        foreach (var cpu in online)
        {
            var topology = $"{CpuDirectory}/cpu{cpu}/topology";
            if (TryRead(files, $"{topology}/physical_package_id") is not { } package || TryRead(files, $"{topology}/core_id") is not { } core)
            {
                threads.Clear();
                break; // sysfs without topology: take cpuinfo for all of them
            }

            var die = TryRead(files, $"{topology}/die_id") is { } dieText ? ParseInt(dieText) : 0;
            // A package id of -1 means the firmware did not say; all such threads share one socket.
            threads.Add(new HwThread(cpu, Math.Max(ParseInt(package), 0), Math.Max(die, 0), ParseInt(core)));
        }

        if (threads.Count > 0)
        {
            return threads;
        }

        foreach (var processor in cpuinfo)
        {
            if (!processor.TryGetValue("processor", out var id))
            {
                continue;
            }

            var number = ParseInt(id);
            var package = processor.TryGetValue("physical id", out var p) ? ParseInt(p) : 0;
            var core = processor.TryGetValue("core id", out var c) ? ParseInt(c) : number;
            threads.Add(new HwThread(number, package, 0, core));
        }

        return threads;
    }

    private static List<IReadOnlyList<int>> ReadNumaDomains(NodeFiles files, IReadOnlyList<HwThread> threads)
    {
        var present = threads.Select(t => t.Id).ToHashSet();
        var domains = new List<(int Node, IReadOnlyList<int> Threads)>();
        var directory = Path.Combine(files.Root, NumaDirectory);
        if (Directory.Exists(directory))
        {
            foreach (var node in Directory.EnumerateDirectories(directory, "node*"))
            {
                var name = Path.GetFileName(node);
                if (!int.TryParse(name.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                {
                    continue;
                }

                var cpus = TryRead(files, $"{NumaDirectory}/{name}/cpulist") is { } list ? ParseCpuList(list).Where(present.Contains).ToList() : [];
                if (cpus.Count > 0)
                {
                    domains.Add((number, Sorted(cpus)));
                }
            }
        }

        return domains.Count > 0
            ? [.. domains.OrderBy(d => d.Node).Select(d => d.Threads)]
            : [.. threads.GroupBy(t => t.Package).OrderBy(g => g.Key).Select(g => Sorted(g.Select(t => t.Id)))];
    }

    private static long ReadMemoryBytes(NodeFiles files)
    {
        foreach (var line in (TryRead(files, "proc/meminfo") ?? "").Split('\n'))
        {
            if (line.StartsWith("MemTotal:", StringComparison.Ordinal))
            {
                var value = line["MemTotal:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim();
                return long.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }

    private static double ReadClockMhz(NodeFiles files, Dictionary<string, string> processor)
    {
        if (TryRead(files, $"{CpuDirectory}/cpu0/cpufreq/cpuinfo_max_freq") is { } kilohertz
            && double.TryParse(kilohertz, NumberStyles.Float, CultureInfo.InvariantCulture, out var khz) && khz > 0)
        {
            return khz / 1000;
        }

        return processor.TryGetValue("cpu MHz", out var mhz) && double.TryParse(mhz, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : 2000; // some ARM and virtual machines say nothing; a common clock keeps the peak figures plausible
    }

    private static string ProcessorType(Dictionary<string, string> processor)
    {
        foreach (var key in (string[])["model name", "Model Name", "cpu model", "Hardware"])
        {
            if (processor.TryGetValue(key, out var name) && name.Length > 0)
            {
                return name;
            }
        }

        return "unknown processor";
    }

    /// <summary>/proc/cpuinfo as one dictionary per processor block (blocks are separated by empty lines).</summary>
    private static List<Dictionary<string, string>> ParseCpuInfo(string text)
    {
        var blocks = new List<Dictionary<string, string>>();
        Dictionary<string, string>? current = null;
        foreach (var line in text.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (line.Trim().Length == 0 || colon < 0)
            {
                current = null;
                continue;
            }

            if (current is null)
            {
                current = new Dictionary<string, string>(StringComparer.Ordinal);
                blocks.Add(current);
            }

            current.TryAdd(line[..colon].Trim(), line[(colon + 1)..].Trim());
        }

        return blocks;
    }

    private static string? TryRead(NodeFiles files, string relativePath)
    {
        try
        {
            return files.ReadText(relativePath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static int ParseInt(string text) =>
        int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidDataException($"'{text.Trim()}' is not a number");

    private static List<int> Sorted(IEnumerable<int> values) => [.. values.Order()];

    private readonly record struct HwThread(int Id, int Package, int Die, int Core);
}
