using Clusterdeck.Core.Archive;
using Clusterdeck.Core.Jobs;

namespace Clusterdeck.Core.Metrics.Archiving;

/// <summary>An archived job (with its database id, statistics, footprint and energy), the data written, and what the source lacked.</summary>
public sealed record JobArchiveResult(Job Job, JobData Data, IReadOnlyList<string> Missing);
