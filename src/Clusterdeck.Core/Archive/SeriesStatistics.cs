using System.Text.Json.Serialization;

namespace Clusterdeck.Core.Archive;

/// <summary>Minimum, average and maximum of one series over the job's run time.</summary>
public sealed record SeriesStatistics
{
    [JsonPropertyName("min")]
    public double Min { get; init; }

    [JsonPropertyName("avg")]
    public double Avg { get; init; }

    [JsonPropertyName("max")]
    public double Max { get; init; }

    /// <summary>
    /// Minimum, average and maximum of the samples that are numbers: NaN is a missing sample, and an infinity (a sum
    /// beyond float's range) is written as null, so both are left out. Null when no sample is left.
    /// </summary>
    public static SeriesStatistics? Of(ReadOnlySpan<float> samples)
    {
        var count = 0;
        double sum = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var sample in samples)
        {
            if (float.IsFinite(sample))
            {
                count++;
                sum += sample;
                min = Math.Min(min, sample);
                max = Math.Max(max, sample);
            }
        }

        return count == 0 ? null : new SeriesStatistics { Min = min, Avg = sum / count, Max = max };
    }
}
