using Clusterdeck.Core.Jobs;

namespace Clusterdeck.Core.Demo;

/// <summary>A synthetic finished job before its metric data exists: the job record, the shape of its data and the seed that makes the data.</summary>
internal sealed record DemoJobPlan(Job Job, DemoJobProfile Profile, int Seed);
