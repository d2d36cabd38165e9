namespace Clusterdeck.Core.Nodes;

/// <summary>One node as a batch-system adapter reports it (cc-lib <c>schema.NodePayload</c>); memory in MB.</summary>
public sealed record NodeStateReport(
    string Hostname,
    IReadOnlyList<string> States,
    int CpusAllocated = 0,
    long MemoryAllocated = 0,
    int GpusAllocated = 0,
    int JobsRunning = 0);
