namespace Clusterdeck.Core.Metrics;

/// <summary>
/// The levels at which a metric is measured (cc-lib <c>schema.MetricScope</c>), from the coarsest to the finest.
/// Data measured at a finer scope can be aggregated to any coarser one through the subcluster topology.
/// </summary>
public static class MetricScopes
{
    public const string Node = "node";
    public const string Socket = "socket";
    public const string MemoryDomain = "memoryDomain";
    public const string Core = "core";
    public const string HwThread = "hwthread";
    public const string Accelerator = "accelerator";

    /// <summary>Every scope, coarsest first (accelerator stands beside the CPU scopes and aggregates to node only).</summary>
    public static IReadOnlyList<string> All { get; } = [Node, Socket, MemoryDomain, Core, HwThread, Accelerator];

    public static bool IsValid(string scope) => Granularity(scope) >= 0;

    /// <summary>0 for node, growing with finer scopes; -1 for an unknown name.</summary>
    public static int Granularity(string scope) => scope switch
    {
        Node => 0,
        Socket => 1,
        MemoryDomain => 2,
        Core => 3,
        HwThread => 4,
        Accelerator => 5,
        _ => -1,
    };
}
