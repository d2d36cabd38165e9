namespace Clusterdeck.Web.JobDetails;

/// <summary>A line of the job's statistics table; <see cref="Level"/> judges the average against the node thresholds.</summary>
public sealed record StatisticsRow(string Metric, string Unit, double Min, double Avg, double Max, ThresholdLevel Level);

/// <summary>Where a value stands against a metric's caution and alert levels.</summary>
public enum ThresholdLevel
{
    None,
    Normal,
    Caution,
    Alert,
}
