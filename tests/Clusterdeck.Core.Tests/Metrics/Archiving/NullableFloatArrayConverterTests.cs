using System.Globalization;
using System.Text;
using System.Text.Json;
using Clusterdeck.Core.Archive;

namespace Clusterdeck.Core.Tests.Metrics.Archiving;

public sealed class NullableFloatArrayConverterTests
{
    private static string Format(params float[] samples)
    {
        var buffer = new byte[2 + (samples.Length * 44)];
        return Encoding.UTF8.GetString(buffer, 0, NullableFloatArrayConverter.Format(samples, buffer));
    }

    [Theory]
    [InlineData(18.7f, "18.70")]
    [InlineData(0f, "0.00")]
    [InlineData(2.5f, "2.50")]
    [InlineData(0.125f, "0.12")] // an exact tie: to even, as Go's strconv
    [InlineData(0.375f, "0.38")]
    [InlineData(-0.001f, "-0.00")] // Go keeps the sign of a negative number rounded to zero
    [InlineData(-0f, "-0.00")]
    [InlineData(123456.789f, "123456.79")]
    [InlineData(-4.005f, "-4.01")] // 4.005f is 4.00500011... in binary
    [InlineData(2.675f, "2.67")] // 2.675f is 2.67499995...
    [InlineData(1e20f, "100000002004087734272.00")]
    [InlineData(float.NaN, "null")]
    [InlineData(float.PositiveInfinity, "null")]
    [InlineData(float.NegativeInfinity, "null")]
    public void Format_Sample_AsCcLibSchemaFloat(float sample, string expected) => Assert.Equal($"[{expected}]", Format(sample));

    [Fact]
    public void Format_ManySamples_SameAsExactTwoDecimalFormatting()
    {
        // .NET's "F2" on the double value rounds the exact binary value, ties to even, exactly as Go's
        // strconv.AppendFloat(x, 'f', 2, 64); the fast path must agree with it everywhere.
        var random = new Random(4711);
        var samples = new float[200_000];
        for (var i = 0; i < samples.Length; i++)
        {
            var magnitude = Math.Pow(10, random.Next(-4, 20));
            samples[i] = (float)((random.NextDouble() - 0.3) * magnitude);
        }

        samples[0] = float.MaxValue;
        samples[1] = float.MinValue;
        samples[2] = float.Epsilon;
        var expected = "[" + string.Join(",", samples.Select(s => ((double)s).ToString("F2", CultureInfo.InvariantCulture))) + "]";

        Assert.Equal(expected, Format(samples));
    }

    [Fact]
    public void Serialize_Series_OneRawArrayAndReadBackLeniently()
    {
        var json = JsonSerializer.Serialize(new MetricSeries { Hostname = "n01", Data = [1.5f, float.NaN, 3f] });

        Assert.Equal("""{"hostname":"n01","data":[1.50,null,3.00]}""", json);
        var read = JsonSerializer.Deserialize<MetricSeries>("""{"hostname":"n01","data":[1.5, null, 3, 1e3, 18.70]}""")!;
        Assert.Equal([1.5f, float.NaN, 3f, 1000f, 18.7f], read.Data);
    }
}
