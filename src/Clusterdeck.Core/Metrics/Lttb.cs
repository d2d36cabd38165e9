namespace Clusterdeck.Core.Metrics;

/// <summary>
/// Largest-Triangle-Three-Buckets downsampling with cc-lib's rules, used by both the metric store's query protocol and
/// the job-data services (<c>resampler.LargestTriangleThreeBucket</c>), so a
/// plot drawn from Clusterdeck's answer matches one drawn from cc-backend's: the first and last samples are kept, each
/// bucket in between contributes the sample that spans the largest triangle with the previous pick and the next
/// bucket's average, and a bucket next to a gap (NaN) yields a NaN-area pick so gaps stay visible.
/// </summary>
public static class Lttb
{
    /// <summary>cc-lib's default for the shortest series worth resampling (job data through cc-backend).</summary>
    public const int DefaultMinimumPoints = 1000;

    /// <summary>cc-metric-store's threshold: its query protocol resamples series of 100 samples or more.</summary>
    public const int MetricStoreMinimumPoints = 100;

    /// <summary>
    /// The samples of <paramref name="data"/> (taken every <paramref name="timestep"/> seconds) reduced to one every
    /// <paramref name="resolution"/> seconds, and the timestep of the result. The input comes back unchanged, with its
    /// own timestep, when there is nothing to do: a resolution of 0 or not coarser than the timestep, a resolution
    /// that is not a multiple of the timestep (cc-lib does the same), fewer than <paramref name="minimumPoints"/>
    /// samples, or a result that would not be shorter. The input array is never modified.
    /// </summary>
    public static (float[] Data, int Timestep) Downsample(float[] data, int timestep, int resolution, int minimumPoints)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (timestep <= 0 || resolution <= timestep || resolution % timestep != 0)
        {
            return (data, timestep);
        }

        var length = data.Length / (resolution / timestep);
        if (length == 0 || data.Length < minimumPoints || length >= data.Length)
        {
            return (data, timestep);
        }

        var result = new float[Math.Max(length, 2)];
        result[0] = data[0];
        result[^1] = data[^1];
        if (length <= 2)
        {
            return (result, resolution);
        }

        // Buckets cover data[1 .. ^1]; the first and last samples stand alone.
        var bucketSize = (double)(data.Length - 2) / (length - 2);
        var bucketLow = 1;
        var bucketMiddle = (int)Math.Floor(bucketSize) + 1;
        var previous = 0;
        for (var i = 0; i < length - 2; i++)
        {
            var bucketHigh = Math.Min((int)Math.Floor((i + 2) * bucketSize) + 1, data.Length - 2);
            var (averageX, averageY) = Average(data, bucketMiddle, bucketHigh);

            double pointX = previous;
            double pointY = data[previous];
            var maxArea = -1.0;
            var chosen = bucketLow;
            for (var candidate = bucketLow; candidate < bucketMiddle; candidate++)
            {
                var area = Math.Abs(((pointX - averageX) * (data[candidate] - pointY) - (pointX - candidate) * (averageY - pointY)) * 0.5);
                // As cc-lib: a NaN area (a gap here or in the next bucket) wins, so the gap is carried into the result.
                if (area > maxArea || double.IsNaN(area))
                {
                    maxArea = area;
                    chosen = candidate;
                }
            }

            result[i + 1] = data[chosen];
            previous = chosen;
            bucketLow = bucketMiddle;
            bucketMiddle = bucketHigh;
        }

        return (result, resolution);
    }

    /// <summary>The centroid of data[from..to] (inclusive); its y is NaN when any sample is.</summary>
    private static (double X, double Y) Average(float[] data, int from, int to)
    {
        var count = to - from + 1;
        if (count <= 0)
        {
            return (double.NaN, double.NaN);
        }

        var sum = 0.0;
        for (var i = from; i <= to; i++)
        {
            sum += data[i];
        }

        // Σx over from..to is count × (from + to) / 2.
        return ((from + to) / 2.0, sum / count);
    }
}
