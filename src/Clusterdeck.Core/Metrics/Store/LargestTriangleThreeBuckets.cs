namespace Clusterdeck.Core.Metrics.Store;

/// <summary>
/// Downsampling as cc-metric-store's resampler does it (largest triangle, three buckets): the output has
/// <c>length / (new / old)</c> points, keeps the first and the last, and is left as is when the series has fewer than
/// 100 points or would not shrink. A bucket whose following bucket holds a NaN yields NaN, as there.
/// </summary>
internal static class LargestTriangleThreeBuckets
{
    public const int MinimumPoints = 100;

    /// <summary>
    /// Returns the data at <paramref name="newStep"/> seconds, or unchanged (with <paramref name="oldStep"/>) when there is
    /// nothing to do; null when <paramref name="newStep"/> is not a multiple of <paramref name="oldStep"/>.
    /// </summary>
    public static (float[] Data, long Step)? Downsample(float[] data, long oldStep, long newStep)
    {
        if (oldStep == 0 || newStep == 0)
        {
            return (data, oldStep);
        }

        if (newStep % oldStep != 0)
        {
            return null;
        }

        var step = (int)(newStep / oldStep);
        var length = data.Length / step;
        if (length == 0 || data.Length < MinimumPoints || length >= data.Length)
        {
            return (data, oldStep);
        }

        var result = new List<float>(length) { data[0] };
        var bucketSize = (double)(data.Length - 2) / (length - 2);
        var bucketLow = 1;
        var bucketMiddle = (int)Math.Floor(bucketSize) + 1;
        var previous = 0;
        for (var i = 0; i < length - 2; i++)
        {
            var bucketHigh = (int)Math.Floor((i + 2) * bucketSize) + 1;
            if (bucketHigh >= data.Length - 1)
            {
                bucketHigh = data.Length - 2;
            }

            var (averageX, averageY) = Average(data.AsSpan(bucketMiddle, bucketHigh + 1 - bucketMiddle), bucketMiddle);
            double pointX = previous;
            double pointY = data[previous];
            var maxArea = -1.0;
            var maxAreaPoint = 0;
            for (var candidate = bucketLow; candidate < bucketMiddle; candidate++)
            {
                var area = Math.Abs(((pointX - candidate) * (averageY - pointY)) - ((pointX - averageX) * (data[candidate] - pointY))) * 0.5;
                if (area > maxArea)
                {
                    maxArea = area;
                    maxAreaPoint = candidate;
                }
            }

            result.Add(double.IsNaN(averageY) && bucketLow < bucketMiddle ? float.NaN : data[maxAreaPoint]);
            previous = maxAreaPoint;
            bucketLow = bucketMiddle;
            bucketMiddle = bucketHigh;
        }

        result.Add(data[^1]);
        return ([.. result], newStep);
    }

    private static (double X, double Y) Average(ReadOnlySpan<float> points, int start)
    {
        double x = 0, y = 0;
        var nan = false;
        foreach (var point in points)
        {
            x += start++;
            y += point;
            nan |= float.IsNaN(point);
        }

        return (x / points.Length, nan ? double.NaN : y / points.Length);
    }
}
