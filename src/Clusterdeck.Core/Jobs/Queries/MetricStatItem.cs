namespace Clusterdeck.Core.Jobs.Queries;

/// <summary>A footprint-metric range condition, e.g. <c>flops_any_avg</c> in [10, 100].</summary>
public sealed record MetricStatItem(string MetricName, FloatRange Range);
