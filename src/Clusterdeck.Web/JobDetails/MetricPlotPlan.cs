namespace Clusterdeck.Web.JobDetails;

/// <summary>One plot card of the job view: a metric, its unit and the scopes the caller can switch between (the first is shown).</summary>
public sealed record MetricPlotPlan(string Metric, string Unit, IReadOnlyList<ScopeOption> Scopes);

/// <summary>A scope of a plot: where its data comes from and the thresholds that apply there (null when the metric has no config).</summary>
public sealed record ScopeOption(string Scope, string Source, PlotThresholds? Thresholds);
