using System.Globalization;
using System.Text;
using Clusterdeck.Core.Metrics.Query;
using Clusterdeck.Core.Metrics.Store;

namespace Clusterdeck.Tests.Metrics.Store;

/// <summary>Retention and the memory limit: the oldest chunks go first, newer data stays readable.</summary>
public sealed class MetricStoreLimitsTests
{
    [Fact]
    public async Task ApplyRetention_ChunksPastTheWindow_FreedNewerKept()
    {
        using var store = new InProcessMetricStore(o => o.Retention = "24h");
        var t0 = InProcessMetricStore.Now - (20 * 3600);
        var lines = new StringBuilder();
        for (var i = 0; i < 300; i++)
        {
            lines.Append(CultureInfo.InvariantCulture, $"mem_used,hostname=w1401 value={i} {t0 + (i * 60)}\n");
        }

        await store.WriteAsync(lines.ToString());
        Assert.Equal(2 * StoredSeries.ChunkBytes, store.Store.ChunkBytes);

        // The first chunk (256 samples, until t0 + 256 min) falls out of the 24 h window; the second does not.
        store.Time.Advance(TimeSpan.FromHours(4) + TimeSpan.FromMinutes(257));
        var freed = store.Store.ApplyRetention();

        Assert.Equal(1, freed);
        Assert.Equal(StoredSeries.ChunkBytes, store.Store.ChunkBytes);
        var result = await ReadAsync(store, "w1401", t0, t0 + (300 * 60), withPadding: false);
        Assert.Equal(t0 + (256 * 60), result.From);
        Assert.Equal(Enumerable.Range(256, 44).Select(i => (float)i), result.Data!);
    }

    [Fact]
    public async Task WriteAsync_PointOlderThanRetention_Dropped()
    {
        using var store = new InProcessMetricStore(o => o.Retention = "1h");

        var result = await store.WriteAsync($"mem_used,hostname=w1402 value=1 {InProcessMetricStore.Now - 7200}\nmem_used,hostname=w1402 value=2 {InProcessMetricStore.Now - 60}");

        Assert.Equal((1, 1), (result.Stored, result.Dropped));
    }

    [Fact]
    public async Task EnforceMemoryLimit_OverTheLimit_FreesOldestChunksFirst()
    {
        using var store = new InProcessMetricStore(o => o.MemoryLimit = 1);
        var old = InProcessMetricStore.Now - 7200;
        var recent = InProcessMetricStore.Now - 60;
        var lines = new StringBuilder();
        for (var host = 0; host < 1100; host++)
        {
            lines.Append(CultureInfo.InvariantCulture, $"mem_used,hostname=old{host} value=1 {old}\n");
        }

        for (var host = 0; host < 100; host++)
        {
            lines.Append(CultureInfo.InvariantCulture, $"mem_used,hostname=new{host} value=2 {recent}\n");
        }

        await store.WriteAsync(lines.ToString());
        Assert.True(store.Store.ChunkBytes > 1024 * 1024);
        Assert.Equal(1, store.Store.MemoryPressure.CurrentCount); // the maintenance loop is woken

        var freed = store.Store.EnforceMemoryLimit();

        Assert.Equal(1100, freed);
        Assert.Equal(100 * StoredSeries.ChunkBytes, store.Store.ChunkBytes);
        Assert.Equal("metric or host not found", (await ReadAsync(store, "old0", old, old + 60)).Error);
        var kept = await ReadAsync(store, "new0", recent, recent + 60);
        Assert.Equal(new[] { 2f }, kept.Data!);
    }

    private static async Task<MetricQueryResult> ReadAsync(InProcessMetricStore store, string host, long from, long to, bool withPadding = true)
    {
        var response = await store.Store.QueryAsync(
            new MetricQueryRequest { Cluster = "emmy", From = from, To = to, WithPadding = withPadding, Queries = [new MetricQuery { Metric = "mem_used", Host = host }] },
            TestContext.Current.CancellationToken);
        return Assert.Single(Assert.Single(response.Results));
    }
}
