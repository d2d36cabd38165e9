using System.Buffers.Text;
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Metrics.Store;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Clusterdeck.Bench;

/// <summary>
/// Fills an in-process <see cref="MetricStore"/> through its line-protocol path with nodes × metrics × samples at 60 s
/// (node scope, a cluster without cluster.json so every metric is accepted) and reports the managed heap it holds per
/// sample after a full, compacting GC: chunk arrays, series objects, the series tree and the ingest route table.
/// </summary>
internal static class MetricMemoryBenchmark
{
    private const int Timestep = 60;
    private const int NodesPerBody = 50;

    public static Task<int> RunAsync(BenchArguments options)
    {
        var nodes = options.Int("--nodes", 3000, 1, 100_000);
        var metrics = options.Int("--metrics", 100, 1, 1000);
        var samples = options.Int("--samples", 1440, 1, 100_000);
        options.ThrowOnUnknown();

        Console.WriteLine(MachineInfo.Describe());
        var end = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / Timestep * Timestep;
        var start = end - ((samples - 1L) * Timestep);
        var clock = new FixedClock(DateTimeOffset.FromUnixTimeSeconds(end));
        var storeOptions = new MetricStoreOptions { Retention = $"{(samples * Timestep / 3600) + 48}h" };

        var before = HeapAfterFullCollection();
        using var store = new MetricStore(new ClusterCatalog([]), Options.Create(storeOptions), clock, NullLogger<MetricStore>.Instance);
        var fill = Stopwatch.StartNew();
        var groups = (nodes + NodesPerBody - 1) / NodesPerBody;
        for (var sample = 0; sample < samples; sample++)
        {
            var time = start + ((long)sample * Timestep);
            Parallel.For(0, groups, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, () => new byte[NodesPerBody * metrics * 64], (group, _, buffer) =>
            {
                var length = Body(buffer, group * NodesPerBody, Math.Min(nodes, (group + 1) * NodesPerBody), metrics, sample, time);
                store.WriteAsync("bench", buffer.AsMemory(0, length), TimestampPrecision.Seconds, CancellationToken.None).AsTask().GetAwaiter().GetResult();
                return buffer;
            }, _ => { });
            if (sample % 240 == 239)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {sample + 1} of {samples} samples per series written ({fill.Elapsed.TotalSeconds:0} s)"));
            }
        }

        fill.Stop();
        var after = HeapAfterFullCollection();
        var total = (long)nodes * metrics * samples;
        var heap = after - before;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"filled {nodes:N0} nodes × {metrics} metrics × {samples:N0} samples = {total:N0} samples through line protocol in {fill.Elapsed.TotalSeconds:0.0} s ({total / fill.Elapsed.TotalSeconds:N0} points/s in-process)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"managed heap held by the store: {heap / (1024.0 * 1024 * 1024):0.00} GiB = {(double)heap / total:0.00} bytes per sample (target ≤ 6); sample chunks alone {(double)store.ChunkBytes / total:0.00} bytes per sample"));
        GC.KeepAlive(store);
        return Task.FromResult((double)heap / total <= 6 ? 0 : 1);
    }

    private static long HeapAfterFullCollection()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>Writes <c>mNN,hostname=nodeNNNN value=V T</c> lines for the nodes of one group; returns the length.</summary>
    private static int Body(byte[] buffer, int firstNode, int endNode, int metrics, int sample, long time)
    {
        var position = 0;
        for (var node = firstNode; node < endNode; node++)
        {
            for (var metric = 0; metric < metrics; metric++)
            {
                Append(buffer, ref position, "m"u8);
                Utf8Formatter.TryFormat(metric, buffer.AsSpan(position), out var written);
                position += written;
                Append(buffer, ref position, ",hostname=node"u8);
                Utf8Formatter.TryFormat(node, buffer.AsSpan(position), out written);
                position += written;
                Append(buffer, ref position, " value="u8);
                Utf8Formatter.TryFormat(((node + metric + sample) % 1000) * 0.25, buffer.AsSpan(position), out written);
                position += written;
                buffer[position++] = (byte)' ';
                Utf8Formatter.TryFormat(time, buffer.AsSpan(position), out written);
                position += written;
                buffer[position++] = (byte)'\n';
            }
        }

        return position;
    }

    private static void Append(byte[] buffer, ref int position, ReadOnlySpan<byte> text)
    {
        text.CopyTo(buffer.AsSpan(position));
        position += text.Length;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
