namespace Clusterdeck.Core.Demo;

/// <summary>How far the synthetic archive is: jobs whose files are written, and jobs stored in the job table.</summary>
public sealed record DemoArchiveProgress(int Written, int Stored, int Total);
