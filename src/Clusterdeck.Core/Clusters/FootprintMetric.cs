namespace Clusterdeck.Core.Clusters;

/// <summary>
/// One entry of a subcluster's job footprint: the key stored with the job (<c>flops_any_avg</c>), the metric and
/// statistic it is taken from, and how to judge it.
/// </summary>
public sealed record FootprintMetric(string Key, string Metric, string Statistic, Jobs.MetricUnit Unit, bool LowerIsBetter);
