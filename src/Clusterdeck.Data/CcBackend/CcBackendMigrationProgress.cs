namespace Clusterdeck.Data.CcBackend;

/// <summary>Progress of a takeover: the phase and, for jobs, how many of how many are done.</summary>
public sealed record CcBackendMigrationProgress(string Phase, long Done, long Total);
