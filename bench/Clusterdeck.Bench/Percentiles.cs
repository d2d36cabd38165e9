namespace Clusterdeck.Bench;

/// <summary>Nearest-rank percentiles of a sample, the same definition for every table in docs/performance.md.</summary>
internal static class Percentiles
{
    /// <summary><paramref name="sorted"/> ascending; <paramref name="percent"/> in (0, 100].</summary>
    public static double Of(IReadOnlyList<double> sorted, double percent)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
