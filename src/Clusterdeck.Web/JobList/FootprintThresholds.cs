namespace Clusterdeck.Web.JobList;

/// <summary>A metric's judging thresholds for one job (per node, or the job's share of a node).</summary>
public sealed record FootprintThresholds(double Peak, double Normal, double Caution, double Alert);
