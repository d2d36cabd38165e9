using System.Globalization;
using System.Text;
using Clusterdeck.Core.Metrics.Query;

namespace Clusterdeck.Tests.Metrics.Store;

/// <summary>cc-metric-store's query semantics on the in-process store (reference cluster emmy: cpu_user avg, flops_any sum, both hwthread).</summary>
public sealed class MetricStoreQueryTests : IDisposable
{
    private const long T0 = InProcessMetricStore.Now - (10 * 3600);
    private readonly InProcessMetricStore _store = new();

    public void Dispose() => _store.Dispose();

    [Theory]
    [InlineData("cpu_user", 2.5f, 25f)] // aggregation avg: (1+2+3+4)/4 and (10+20+30+40)/4
    [InlineData("flops_any", 10f, 100f)] // aggregation sum
    public async Task Query_NoType_AggregatesEverySeriesBelowTheHost(string metric, float first, float second)
    {
        await WriteHwThreadsAsync(metric, "w1201", [1, 2, 3, 4], [10, 20, 30, 40]);

        var result = await SingleAsync(new MetricQuery { Metric = metric, Host = "w1201" }, T0, T0 + 120);

        AssertData(result, first, second);
    }

    [Fact]
    public async Task Query_NodeSeriesPresent_ReadsItInsteadOfChildren()
    {
        await WriteHwThreadsAsync("flops_any", "w1202", [1, 2, 3, 4], [10, 20, 30, 40]);
        await _store.WriteAsync($"flops_any,hostname=w1202,type=node value=99 {T0}");

        AssertData(await SingleAsync(new MetricQuery { Metric = "flops_any", Host = "w1202" }, T0, T0 + 60), 99f);
    }

    [Fact]
    public async Task Query_TypeIdsAggregated_OneSeriesOverTheSelectedIds()
    {
        await WriteHwThreadsAsync("flops_any", "w1203", [1, 2, 3, 4], [10, 20, 30, 40]);

        var result = await SingleAsync(
            new MetricQuery { Metric = "flops_any", Host = "w1203", Type = "hwthread", TypeIds = ["1", "3"], Aggregate = true }, T0, T0 + 120);

        AssertData(result, 6f, 60f);
    }

    [Fact]
    public async Task Query_TypeIdsNotAggregated_OneResultPerIdAndErrorForAMissingId()
    {
        await WriteHwThreadsAsync("cpu_user", "w1204", [1, 2, 3, 4], [10, 20, 30, 40]);

        var results = await ResultsAsync(new MetricQuery { Metric = "cpu_user", Host = "w1204", Type = "hwthread", TypeIds = ["0", "2", "9"] }, T0, T0 + 120);

        Assert.Equal(3, results.Count);
        AssertData(results[0], 1f, 10f);
        AssertData(results[1], 3f, 30f);
        Assert.Equal("metric or host not found", results[2].Error);
        Assert.Null(results[2].Data);
    }

    [Fact]
    public async Task Query_SubTypes_SelectedBelowTheirType()
    {
        await _store.WriteAsync($"""
            mem_bw,hostname=w1205,type=socket,type-id=0,stype=memoryDomain,stype-id=0 value=1 {T0}
            mem_bw,hostname=w1205,type=socket,type-id=0,stype=memoryDomain,stype-id=1 value=2 {T0}
            mem_bw,hostname=w1205,type=socket,type-id=1,stype=memoryDomain,stype-id=0 value=4 {T0}
            """);

        var perSubType = await ResultsAsync(
            new MetricQuery { Metric = "mem_bw", Host = "w1205", Type = "socket", TypeIds = ["0"], SubType = "memoryDomain", SubTypeIds = ["0", "1"] }, T0, T0 + 60);
        var socket = await SingleAsync(new MetricQuery { Metric = "mem_bw", Host = "w1205", Type = "socket", TypeIds = ["0"], Aggregate = true }, T0, T0 + 60);
        var node = await SingleAsync(new MetricQuery { Metric = "mem_bw", Host = "w1205" }, T0, T0 + 60);

        AssertData(perSubType[0], 1f);
        AssertData(perSubType[1], 2f);
        AssertData(socket, 3f);
        AssertData(node, 7f);
    }

    [Fact]
    public async Task Query_UnknownMetricHostOrCluster_ResultWithError()
    {
        await _store.WriteAsync($"mem_used,hostname=w1206 value=1 {T0}");
        var request = new MetricQueryRequest
        {
            Cluster = "emmy",
            From = T0,
            To = T0 + 60,
            Queries = [new MetricQuery { Metric = "no_such_metric", Host = "w1206" }, new MetricQuery { Metric = "mem_used", Host = "nope" }],
        };

        var response = await _store.Store.QueryAsync(request, TestContext.Current.CancellationToken);
        var otherCluster = await _store.Store.QueryAsync(request with { Cluster = "nope" }, TestContext.Current.CancellationToken);

        Assert.Equal("unknown metric: no_such_metric", Assert.Single(response.Results[0]).Error);
        Assert.Equal("metric or host not found", Assert.Single(response.Results[1]).Error);
        Assert.Equal("metric or host not found", Assert.Single(otherCluster.Results[0]).Error);
    }

    [Fact]
    public async Task Query_FromAfterTo_InvalidTimeRange()
    {
        await _store.WriteAsync($"mem_used,hostname=w1207 value=1 {T0}");

        Assert.Equal("invalid time range", (await SingleAsync(new MetricQuery { Metric = "mem_used", Host = "w1207" }, T0 + 60, T0)).Error);
    }

    [Fact]
    public async Task Query_Resolution_DownsamplesWithLttbToLengthOverFactor()
    {
        await WriteSeriesAsync("mem_used", "w1208", Enumerable.Range(0, 300).Select(i => (float)Math.Sin(i / 10.0)).ToArray());

        var native = await SingleAsync(new MetricQuery { Metric = "mem_used", Host = "w1208" }, T0, T0 + (300 * 60));
        var coarse = await SingleAsync(new MetricQuery { Metric = "mem_used", Host = "w1208", Resolution = 180 }, T0, T0 + (300 * 60));
        var finer = await SingleAsync(new MetricQuery { Metric = "mem_used", Host = "w1208", Resolution = 30 }, T0, T0 + (300 * 60));
        var odd = await SingleAsync(new MetricQuery { Metric = "mem_used", Host = "w1208", Resolution = 90 }, T0, T0 + (300 * 60));

        Assert.Equal(300, native.Data!.Length);
        Assert.Equal(60, native.Resolution);
        Assert.Equal(100, coarse.Data!.Length);
        Assert.Equal(180, coarse.Resolution);
        Assert.Equal(native.Data[0], coarse.Data[0]);
        Assert.Equal(native.Data[^1], coarse.Data[^1]);
        Assert.All(coarse.Data, v => Assert.Contains(v, native.Data));
        Assert.Equal(T0, coarse.From);
        Assert.Equal(T0 + (300 * 60), coarse.To);
        Assert.Equal(300, finer.Data!.Length);
        Assert.Equal(60, finer.Resolution);
        Assert.Contains("multiple of the old frequency", odd.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_FewerThan100Points_NotDownsampled()
    {
        await WriteSeriesAsync("mem_used", "w1209", Enumerable.Range(0, 99).Select(i => (float)i).ToArray());

        var result = await SingleAsync(new MetricQuery { Metric = "mem_used", Host = "w1209", Resolution = 600 }, T0, T0 + (99 * 60));

        Assert.Equal(99, result.Data!.Length);
        Assert.Equal(60, result.Resolution);
    }

    [Fact]
    public async Task Query_StatisticsScaleAndGaps()
    {
        await _store.WriteAsync($"mem_used,hostname=w1210 value=2 {T0}\nmem_used,hostname=w1210 value=6 {T0 + 180}");

        var plain = await SingleAsync(new MetricQuery { Metric = "mem_used", Host = "w1210" }, T0, T0 + 240);
        var scaled = await SingleAsync(new MetricQuery { Metric = "mem_used", Host = "w1210", ScaleBy = 0.5 }, T0, T0 + 240);

        AssertData(plain, 2f, float.NaN, float.NaN, 6f);
        Assert.Equal((4.0, 2.0, 6.0), (plain.Avg, plain.Min, plain.Max));
        AssertData(scaled, 1f, float.NaN, float.NaN, 3f);
        Assert.Equal((2.0, 1.0, 3.0), (scaled.Avg, scaled.Min, scaled.Max));
    }

    [Fact]
    public async Task Query_PaddingDataAndStatsSwitches()
    {
        await _store.WriteAsync($"mem_used,hostname=w1211 value=5 {T0}");
        var query = new MetricQuery { Metric = "mem_used", Host = "w1211" };

        var padded = await SingleAsync(query, T0 - 120, T0 + 60);
        var unpadded = await SingleAsync(query, T0 - 120, T0 + 60, r => r with { WithPadding = false });
        var noData = await SingleAsync(query, T0, T0 + 60, r => r with { WithData = false, WithStats = false });

        AssertData(padded, float.NaN, float.NaN, 5f);
        Assert.Equal(T0 - 120, padded.From);
        AssertData(unpadded, 5f);
        Assert.Equal(T0, unpadded.From);
        Assert.Null(noData.Data);
        Assert.Null(noData.Avg);
        Assert.Equal(T0 + 60, noData.To);
    }

    [Fact]
    public async Task Query_ForAllNodes_AppendsAndEchoesOneQueryPerHostAndMetric()
    {
        await _store.WriteAsync($"mem_used,hostname=w1302 value=2 {T0}\nmem_used,hostname=w1301 value=1 {T0}\ncpu_load,hostname=w1301 value=3 {T0}", cluster: "emmy");

        var response = await _store.Store.QueryAsync(
            new MetricQueryRequest { Cluster = "emmy", From = T0, To = T0 + 60, ForAllNodes = ["mem_used", "cpu_load"] },
            TestContext.Current.CancellationToken);

        Assert.Equal(
            [("w1301", "mem_used"), ("w1301", "cpu_load"), ("w1302", "mem_used"), ("w1302", "cpu_load")],
            response.Queries!.Select(q => (q.Host, q.Metric)));
        Assert.Equal(4, response.Results.Count);
        AssertData(response.Results[0][0], 1f);
        AssertData(response.Results[1][0], 3f);
        AssertData(response.Results[2][0], 2f);
        Assert.Equal("metric or host not found", response.Results[3][0].Error);
    }

    private static void AssertData(MetricQueryResult result, params float[] expected)
    {
        Assert.Null(result.Error);
        Assert.Equal(expected, result.Data!);
    }

    private async Task WriteHwThreadsAsync(string metric, string host, float[] first, float[] second)
    {
        var lines = new StringBuilder();
        for (var thread = 0; thread < first.Length; thread++)
        {
            lines.Append(CultureInfo.InvariantCulture, $"{metric},hostname={host},type=hwthread,type-id={thread} value={first[thread]} {T0}\n");
            lines.Append(CultureInfo.InvariantCulture, $"{metric},hostname={host},type=hwthread,type-id={thread} value={second[thread]} {T0 + 60}\n");
        }

        await _store.WriteAsync(lines.ToString());
    }

    private async Task WriteSeriesAsync(string metric, string host, float[] values)
    {
        var lines = new StringBuilder();
        for (var i = 0; i < values.Length; i++)
        {
            lines.Append(CultureInfo.InvariantCulture, $"{metric},hostname={host} value={values[i]:R} {T0 + (i * 60)}\n");
        }

        await _store.WriteAsync(lines.ToString());
    }

    private async Task<MetricQueryResult> SingleAsync(MetricQuery query, long from, long to, Func<MetricQueryRequest, MetricQueryRequest>? change = null) =>
        Assert.Single(await ResultsAsync(query, from, to, change));

    private async Task<IReadOnlyList<MetricQueryResult>> ResultsAsync(MetricQuery query, long from, long to, Func<MetricQueryRequest, MetricQueryRequest>? change = null)
    {
        var request = new MetricQueryRequest { Cluster = "emmy", From = from, To = to, Queries = [query] };
        var response = await _store.Store.QueryAsync(change is null ? request : change(request), TestContext.Current.CancellationToken);
        return Assert.Single(response.Results);
    }
}
