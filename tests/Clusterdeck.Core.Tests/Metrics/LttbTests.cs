using Clusterdeck.Core.Metrics;

namespace Clusterdeck.Core.Tests.Metrics;

public sealed class LttbTests
{
    [Fact]
    public void Downsample_SmallExample_PicksWhatCcLibPicks()
    {
        // Expected values from a line-by-line port of cc-lib's resampler.LargestTriangleThreeBucket.
        float[] data = [1, 3, 2, 8, 4, 4, 5, 1, 9, 2, 3, 7];

        var (result, timestep) = Lttb.Downsample(data, timestep: 10, resolution: 20, minimumPoints: 3);

        Assert.Equal([1f, 3, 8, 1, 9, 7], result);
        Assert.Equal(20, timestep);
    }

    [Fact]
    public void Downsample_Gap_CarriesTheGapIntoTheResult()
    {
        float[] data = [0, 1, 2, 3, float.NaN, 5, 6, 7, 8, 9, 10, 11];

        var (result, _) = Lttb.Downsample(data, 10, 20, 3);

        Assert.Equal(6, result.Length);
        Assert.Equal([0f, 2], result[..2]);
        Assert.True(float.IsNaN(result[2]));
        Assert.Equal([7f, 8, 11], result[3..]);
    }

    [Fact]
    public void Downsample_DayAtOneMinuteToTenMinutes_KeepsEndsAndTheSpike()
    {
        var data = Enumerable.Range(0, 1441).Select(i => (float)Math.Sin(i / 50.0)).ToArray();
        data[700] = 42;

        var (result, timestep) = Lttb.Downsample(data, 60, 600, Lttb.DefaultMinimumPoints);

        Assert.Equal(144, result.Length);
        Assert.Equal(600, timestep);
        Assert.Equal(data[0], result[0]);
        Assert.Equal(data[^1], result[^1]);
        Assert.Contains(42f, result);
    }

    [Theory]
    [InlineData(60, 0)]      // native asked
    [InlineData(60, 60)]     // not coarser
    [InlineData(60, 30)]     // finer
    [InlineData(60, 90)]     // not a multiple: cc-lib returns the data as it is
    [InlineData(0, 600)]     // no timestep
    public void Downsample_NothingToDo_ReturnsTheInputAndItsTimestep(int timestep, int resolution)
    {
        var data = new float[2000];

        var (result, step) = Lttb.Downsample(data, timestep, resolution, Lttb.DefaultMinimumPoints);

        Assert.Same(data, result);
        Assert.Equal(timestep, step);
    }

    [Fact]
    public void Downsample_FewerSamplesThanTheMinimum_ReturnsTheInput()
    {
        var data = new float[999];

        var (result, step) = Lttb.Downsample(data, 60, 600, Lttb.DefaultMinimumPoints);

        Assert.Same(data, result);
        Assert.Equal(60, step);
    }

    [Fact]
    public void Downsample_NeverChangesTheInput()
    {
        var data = Enumerable.Range(0, 1200).Select(i => (float)(i % 7)).ToArray();
        var copy = data.ToArray();

        Lttb.Downsample(data, 1, 10, 100);

        Assert.Equal(copy, data);
    }
}
