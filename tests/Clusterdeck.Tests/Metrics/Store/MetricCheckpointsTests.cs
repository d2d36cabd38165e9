using Clusterdeck.Core.Metrics.Query;
using Clusterdeck.Core.Metrics.Store;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clusterdeck.Tests.Metrics.Store;

/// <summary>The checkpoint files in-process: log replay, snapshot plus later log, and a damaged log tail.</summary>
public sealed class MetricCheckpointsTests : IDisposable
{
    private const long T0 = InProcessMetricStore.Now - 3600;
    private readonly string _directory = Directory.CreateTempSubdirectory("clusterdeck-metric-ckpt-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Open_AfterLogAndSnapshot_RestoresEveryPoint()
    {
        using (var first = new InProcessMetricStore())
        using (var checkpoints = Open(first))
        {
            await first.WriteAsync($"mem_used,hostname=w1501 value=1 {T0}\ncpu_user,hostname=w1501,type=hwthread,type-id=3 value=7 {T0}");
            checkpoints.Snapshot();
            await first.WriteAsync($"mem_used,hostname=w1501 value=2 {T0 + 60}\nmem_used,hostname=w1502 value=5 {T0 + 60}");
        }

        Assert.Single(Directory.EnumerateFiles(_directory, "snapshot-*.bin"));
        using var second = new InProcessMetricStore();
        using var restored = Open(second);

        Assert.Equal(new[] { 1f, 2f }, (await ReadAsync(second, new MetricQuery { Metric = "mem_used", Host = "w1501" }, T0, T0 + 120)).Data!);
        Assert.Equal(new[] { 5f }, (await ReadAsync(second, new MetricQuery { Metric = "mem_used", Host = "w1502" }, T0 + 60, T0 + 120)).Data!);
        Assert.Equal(new[] { 7f }, (await ReadAsync(second, new MetricQuery { Metric = "cpu_user", Host = "w1501", Type = "hwthread", TypeIds = ["3"] }, T0, T0 + 60)).Data!);
    }

    [Fact]
    public async Task Open_LogWithDamagedTail_KeepsTheCompleteRecords()
    {
        using (var first = new InProcessMetricStore())
        using (Open(first))
        {
            await first.WriteAsync($"mem_used,hostname=w1503 value=1 {T0}");
            await first.WriteAsync($"mem_used,hostname=w1503 value=2 {T0 + 60}");
        }

        var log = Assert.Single(Directory.EnumerateFiles(_directory, "wal-*.log"));
        var bytes = await File.ReadAllBytesAsync(log, TestContext.Current.CancellationToken);
        // Cut the second record short, as a write torn by a power failure would leave it.
        await File.WriteAllBytesAsync(log, bytes[..^5], TestContext.Current.CancellationToken);

        using var second = new InProcessMetricStore();
        using var restored = Open(second);

        Assert.Equal(new[] { 1f }, (await ReadAsync(second, new MetricQuery { Metric = "mem_used", Host = "w1503" }, T0, T0 + 120)).Data!);
        // Writing goes on in a new log file.
        await second.WriteAsync($"mem_used,hostname=w1503 value=3 {T0 + 120}");
        Assert.Equal(2, Directory.EnumerateFiles(_directory, "wal-*.log").Count());
    }

    private MetricCheckpoints Open(InProcessMetricStore store)
    {
        var checkpoints = MetricCheckpoints.Open(store.Store, _directory, syncWrites: false, NullLogger.Instance);
        store.Store.AttachLog(checkpoints);
        return checkpoints;
    }

    private static async Task<MetricQueryResult> ReadAsync(InProcessMetricStore store, MetricQuery query, long from, long to)
    {
        var response = await store.Store.QueryAsync(
            new MetricQueryRequest { Cluster = "emmy", From = from, To = to, Queries = [query] }, TestContext.Current.CancellationToken);
        var result = Assert.Single(Assert.Single(response.Results));
        Assert.Null(result.Error);
        return result;
    }
}
