namespace Clusterdeck.Core.Archive.Import;

/// <summary>How many jobs were skipped for one reason, with the first one as an example.</summary>
public sealed record ImportReasonSummary(string Reason, int Count, string ExamplePath, string ExampleMessage);
