using System.Text;
using Clusterdeck.Core.Metrics;
using Clusterdeck.Core.Metrics.Agent;

namespace Clusterdeck.Tests.Metrics.Agent;

public sealed class LineProtocolFormatTests
{
    private static readonly DateTimeOffset Time = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    [Fact]
    public void Encode_NodeAndHwthreadMetrics_CcMetricCollectorLines()
    {
        var text = LineProtocolFormat.Encode(
            [NodeMetric.Node("cpu_load", 0.17), new NodeMetric("cpu_user", MetricScopes.HwThread, "3", 12.5), NodeMetric.Node("mem_used", 3)],
            "w1101", Time);

        Assert.Equal(
            "cpu_load,hostname=w1101,type=node value=0.17 1700000000\n" +
            "cpu_user,hostname=w1101,type=hwthread,type-id=3 value=12.5 1700000000\n" +
            "mem_used,hostname=w1101,type=node value=3 1700000000\n",
            text);
    }

    [Fact]
    public void Encode_SpecialCharactersInNamesAndTags_Escaped()
    {
        var text = LineProtocolFormat.Encode(
            [new NodeMetric("odd metric,name=x", MetricScopes.Accelerator, "00000000:3B:00.0 a,b=c", 1.5)],
            "node 1,rack=2", Time);

        // Measurement: comma and space escaped (an equals sign is literal there); tag values: comma, space and equals.
        Assert.Equal(@"odd\ metric\,name=x,hostname=node\ 1\,rack\=2,type=accelerator,type-id=00000000:3B:00.0\ a\,b\=c value=1.5 1700000000" + "\n", text);
    }

    [Fact]
    public void Encode_NonFiniteValues_LeftOut()
    {
        var text = LineProtocolFormat.Encode(
            [NodeMetric.Node("a", double.NaN), NodeMetric.Node("b", double.PositiveInfinity), NodeMetric.Node("c", 1e-7)], "h", Time);

        Assert.Equal("c,hostname=h,type=node value=1e-07 1700000000\n", text);
    }

    [Fact]
    public void Encode_LineBreakInHostname_Refused()
    {
        var error = Assert.Throws<ArgumentException>(() => LineProtocolFormat.Encode([NodeMetric.Node("a", 1)], "h\nx", Time));
        Assert.Contains("line break", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AppendEscaped_PlainText_Unchanged()
    {
        var builder = new StringBuilder();
        LineProtocolFormat.AppendEscaped(builder, "f0101", measurement: false);
        Assert.Equal("f0101", builder.ToString());
    }
}
