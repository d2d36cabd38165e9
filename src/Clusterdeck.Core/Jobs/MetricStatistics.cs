using System.Text.Json.Serialization;

namespace Clusterdeck.Core.Jobs;

/// <summary>A metric's statistics over a whole job, as in <c>meta.json</c>'s <c>statistics</c>.</summary>
public sealed record MetricStatistics
{
    [JsonPropertyName("unit")]
    public MetricUnit Unit { get; init; } = new();

    [JsonPropertyName("avg")]
    public double Avg { get; init; }

    [JsonPropertyName("min")]
    public double Min { get; init; }

    [JsonPropertyName("max")]
    public double Max { get; init; }

    /// <summary>
    /// Two decimals as cc-backend writes statistics, footprints and energy: Go's <c>math.Round(x*100)/100</c>, halves away
    /// from zero. The one rounding rule for every statistic Clusterdeck stores or answers.
    /// </summary>
    public static double RoundToHundredths(double value) => Math.Round(value * 100.0, MidpointRounding.AwayFromZero) / 100.0;
}
