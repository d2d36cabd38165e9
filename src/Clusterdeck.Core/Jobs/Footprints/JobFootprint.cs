namespace Clusterdeck.Core.Jobs.Footprints;

/// <summary>
/// Derives a job's footprint, energy footprint and total energy from its <c>statistics</c>, as cc-backend
/// does when it imports or archives a job.
/// </summary>
/// <remarks>
/// Footprint keys are <c>&lt;metric&gt;_&lt;stat&gt;</c> with the statistic named by the metric config
/// (cc-backend's archiver), exactly as the cluster catalog names them (<see cref="Clusters.FootprintMetric.Key"/>).
/// cc-backend's importer always uses <c>avg</c> because of an inverted error check; we keep the archiver's keys so that imported and archived jobs agree and footprint filters,
/// which name the configured statistic, find imported jobs too.
/// Energy of a <c>power</c> metric (watts, averaged per node) is
/// <c>avg × numNodes × duration / 3600 / 1000</c> kWh, rounded to two decimals; the total is the
/// rounded sum. A metric flagged <c>energy</c> (joules) contributes 0, as in cc-backend, which has no
/// sum statistic to read it from.
/// </remarks>
public static class JobFootprint
{
    public const string Power = "power";

    /// <summary>The job with <see cref="Job.Footprint"/>, <see cref="Job.EnergyFootprint"/> and <see cref="Job.Energy"/> set.</summary>
    public static Job Apply(Job job, FootprintDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(definition);
        var footprint = new Dictionary<string, double>(definition.Footprint.Count, StringComparer.Ordinal);
        foreach (var metric in definition.Footprint)
        {
            footprint[metric.Key] = Statistic(job, metric.Metric, metric.Statistic);
        }

        var energyFootprint = new Dictionary<string, double>(definition.Energy.Count, StringComparer.Ordinal);
        var total = 0.0;
        foreach (var metric in definition.Energy)
        {
            var energy = string.Equals(metric.Kind, Power, StringComparison.Ordinal)
                ? MetricStatistics.RoundToHundredths(Statistic(job, metric.Name, "avg") * job.NumNodes * (job.Duration / 3600.0) / 1000.0)
                : 0.0;
            energyFootprint[metric.Name] = energy;
            total += energy;
        }

        return job with { Footprint = footprint, EnergyFootprint = energyFootprint, Energy = MetricStatistics.RoundToHundredths(total) };
    }

    /// <summary>The named statistic of a metric, or 0 when the job has no statistics for it.</summary>
    public static double Statistic(Job job, string metric, string statistic)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Statistics is null || !job.Statistics.TryGetValue(metric, out var stats))
        {
            return 0.0;
        }

        return statistic switch
        {
            "max" => stats.Max,
            "min" => stats.Min,
            _ => stats.Avg,
        };
    }
}
