namespace Clusterdeck.Core.Jobs;

/// <summary>cc-backend's job states, as they appear on the wire and in the job table.</summary>
public static class JobStates
{
    public const string BootFail = "boot_fail";
    public const string Cancelled = "cancelled";
    public const string Completed = "completed";
    public const string Deadline = "deadline";
    public const string Failed = "failed";
    public const string NodeFail = "node_fail";
    public const string OutOfMemory = "out_of_memory";
    public const string Pending = "pending";
    public const string Preempted = "preempted";
    public const string Running = "running";
    public const string Suspended = "suspended";
    public const string Timeout = "timeout";

    public static IReadOnlyList<string> All { get; } =
        [BootFail, Cancelled, Completed, Deadline, Failed, NodeFail, OutOfMemory, Pending, Preempted, Running, Suspended, Timeout];

    public static bool IsValid(string? state) => state is not null && All.Contains(state, StringComparer.Ordinal);
}
