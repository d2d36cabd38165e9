namespace Clusterdeck.Core.Nodes;

/// <summary>
/// A node's state in the batch system as cc-backend keeps it (cc-lib <c>schema.SchedulerState</c>). Adapters report
/// the scheduler's own words (Slurm's <c>IDLE</c>, <c>DRAIN</c>, ...); <see cref="Resolve"/> reduces them to one of these.
/// </summary>
public static class SchedulerStates
{
    public const string Allocated = "allocated";
    public const string Reserved = "reserved";
    public const string Idle = "idle";
    public const string Mixed = "mixed";
    public const string Down = "down";
    public const string Unknown = "unknown";

    public static IReadOnlyList<string> All { get; } = [Allocated, Reserved, Idle, Mixed, Down, Unknown];

    public static bool IsValid(string state) => All.Contains(state, StringComparer.Ordinal);

    /// <summary>
    /// cc-backend's reduction of reported state words (case ignored): allocated, then reserved, then idle, then down,
    /// then mixed; idle together with down is down; anything else is unknown.
    /// </summary>
    public static string Resolve(IEnumerable<string> reported)
    {
        var words = new HashSet<string>(reported.Select(w => w.ToLowerInvariant()), StringComparer.Ordinal);
        return words switch
        {
            _ when words.Contains(Allocated) => Allocated,
            _ when words.Contains(Reserved) => Reserved,
            _ when words.Contains(Idle) && words.Contains(Down) => Down,
            _ when words.Contains(Idle) => Idle,
            _ when words.Contains(Down) => Down,
            _ when words.Contains(Mixed) => Mixed,
            _ => Unknown,
        };
    }
}
