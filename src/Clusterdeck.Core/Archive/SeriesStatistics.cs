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
}
