using Clusterdeck.Core.Errors;
using Clusterdeck.Core.Metrics.Query;
using Clusterdeck.Core.Metrics.Store;

namespace Clusterdeck.Tests.Metrics.Store;

/// <summary>Line protocol as cc-metric-collector sends it, parsed and stored by the in-process store.</summary>
public sealed class LineProtocolIngestTests : IDisposable
{
    private const long T0 = InProcessMetricStore.Now - 3600;
    private readonly InProcessMetricStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task WriteAsync_NodeLines_StoresEachSampleInItsSlot()
    {
        var result = await _store.WriteAsync($"""
            mem_used,cluster=emmy,hostname=w1101,type=node value=10 {T0}
            mem_used,cluster=emmy,hostname=w1101,type=node value=11 {T0 + 60}
            mem_used,cluster=emmy,hostname=w1101,type=node value=12.5 {T0 + 120}
            """);

        Assert.Equal(3, result.Stored);
        Assert.Equal(0, result.Dropped);
        var series = await ReadAsync("mem_used", "w1101", T0, T0 + 180);
        AssertData(series, 10f, 11f, 12.5f);
        Assert.Equal(T0, series.From);
        Assert.Equal(T0 + 180, series.To);
        Assert.Equal(60, series.Resolution);
    }

    [Fact]
    public async Task WriteAsync_IntegerAndUnsignedValues_StoredAsNumbers()
    {
        await _store.WriteAsync($"""
            mem_used,hostname=w1102 value=7i {T0}
            mem_used,hostname=w1102 value=8u {T0 + 60}
            mem_used,hostname=w1102 value=-9e1 {T0 + 120}
            """);

        AssertData((await ReadAsync("mem_used", "w1102", T0, T0 + 180)), 7f, 8f, -90f);
    }

    [Theory]
    [InlineData(TimestampPrecision.Auto, 1)]
    [InlineData(TimestampPrecision.Auto, 1_000)]
    [InlineData(TimestampPrecision.Auto, 1_000_000)]
    [InlineData(TimestampPrecision.Auto, 1_000_000_000)]
    [InlineData(TimestampPrecision.Milliseconds, 1_000)]
    [InlineData(TimestampPrecision.Nanoseconds, 1_000_000_000)]
    public async Task WriteAsync_TimestampUnits_DetectedByMagnitudeOrPrecision(TimestampPrecision precision, long perSecond)
    {
        await _store.WriteAsync($"mem_used,hostname=w1103 value=3 {T0 * perSecond}\nmem_used,hostname=w1103 value=4 {(T0 + 60) * perSecond}", precision: precision);

        var series = await ReadAsync("mem_used", "w1103", T0, T0 + 120);
        AssertData(series, 3f, 4f);
        Assert.Equal(T0, series.From);
    }

    [Fact]
    public async Task WriteAsync_NoTimestamp_StoredAtNow()
    {
        await _store.WriteAsync("mem_used,hostname=w1104 value=5");

        var series = await ReadAsync("mem_used", "w1104", InProcessMetricStore.Now, InProcessMetricStore.Now + 60);
        AssertData(series, 5f);
        Assert.Equal(InProcessMetricStore.Now, series.From);
    }

    [Fact]
    public async Task WriteAsync_EscapedNamesAndOtherFields_Parsed()
    {
        // Escaped space and comma in a tag value, an unknown tag, a string field with an escaped quote and space.
        await _store.WriteAsync($"""
            # a comment, then a blank line

            mem_used,cluster=emmy,hostname=node\ 1\,a,unit=GB value=1.5,note="say \"hi\" there" {T0}
            """);

        AssertData((await ReadAsync("mem_used", "node 1,a", T0, T0 + 60)), 1.5f);
    }

    [Fact]
    public async Task WriteAsync_ClusterTag_OverridesQueryParameter()
    {
        await _store.WriteAsync($"mem_used,cluster=fritz,hostname=f0101 value=2 {T0}", cluster: "emmy");

        AssertData((await ReadAsync("mem_used", "f0101", T0, T0 + 60, cluster: "fritz")), 2f);
        Assert.Equal("metric or host not found", (await ReadAsync("mem_used", "f0101", T0, T0 + 60, cluster: "emmy")).Error);
    }

    [Fact]
    public async Task WriteAsync_LaterWriteToSameSlot_Overwrites()
    {
        await _store.WriteAsync($"mem_used,hostname=w1105 value=1 {T0}");
        await _store.WriteAsync($"mem_used,hostname=w1105 value=2 {T0 + 10}");

        AssertData((await ReadAsync("mem_used", "w1105", T0, T0 + 60)), 2f);
    }

    [Fact]
    public async Task WriteAsync_UnknownMetricOrTooOld_DroppedNotFailed()
    {
        var result = await _store.WriteAsync($"""
            no_such_metric,hostname=w1106 value=1 {T0}
            mem_used,hostname=w1106 value=1 {InProcessMetricStore.Now - (49 * 3600)}
            mem_used,hostname=w1106 value=2 {T0}
            """);

        Assert.Equal(1, result.Stored);
        Assert.Equal(2, result.Dropped);
    }

    [Theory]
    [InlineData("mem_used,cluster=emmy value=1 {0}", 2, "'hostname' tag is missing")]
    [InlineData("mem_used,hostname=w1107 value=abc {0}", 2, "is not a number")]
    [InlineData("mem_used,hostname=w1107 value=\"1\" {0}", 2, "is a string")]
    [InlineData("mem_used,hostname=w1107 other=1 {0}", 2, "'value' field is missing")]
    [InlineData("mem_used,hostname=w1107", 2, "no fields")]
    [InlineData("mem_used,hostname=w1107 value=1 12x", 2, "timestamp")]
    [InlineData("mem_used,hostname=w1107,type=hwthread value=1 {0}", 2, "'type-id'")]
    [InlineData("mem_used,hostname=w1107 value=1,", 2, "single commas")]
    [InlineData("garbage", 2, "no fields")]
    [InlineData(" value=1", 2, "no fields")]
    public async Task WriteAsync_BadLine_RefusesWholeBodyNamingTheLine(string badLine, int lineNumber, string problem)
    {
        var body = $"mem_used,hostname=w1107 value=1 {T0}\n" + string.Format(System.Globalization.CultureInfo.InvariantCulture, badLine, T0 + 60) + $"\nmem_used,hostname=w1107 value=3 {T0 + 120}\n";

        var error = await Assert.ThrowsAsync<InvalidInputException>(async () => await _store.WriteAsync(body));

        Assert.StartsWith($"line {lineNumber}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Equal("metric or host not found", (await ReadAsync("mem_used", "w1107", T0, T0 + 180)).Error);
    }

    [Fact]
    public async Task WriteAsync_NoClusterAnywhere_Refused()
    {
        var error = await Assert.ThrowsAsync<InvalidInputException>(async () => await _store.WriteAsync($"mem_used,hostname=w1108 value=1 {T0}", cluster: ""));

        Assert.Contains("line 1: no cluster", error.Message, StringComparison.Ordinal);
    }

    private static void AssertData(MetricQueryResult result, params float[] expected)
    {
        Assert.Null(result.Error);
        Assert.Equal(expected, result.Data!);
    }

    private async Task<MetricQueryResult> ReadAsync(string metric, string host, long from, long to, string cluster = "emmy")
    {
        var response = await _store.Store.QueryAsync(
            new MetricQueryRequest { Cluster = cluster, From = from, To = to, Queries = [new MetricQuery { Metric = metric, Host = host }] },
            TestContext.Current.CancellationToken);
        return Assert.Single(Assert.Single(response.Results));
    }
}
