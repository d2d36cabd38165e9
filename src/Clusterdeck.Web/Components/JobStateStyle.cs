using Clusterdeck.Core.Jobs;

namespace Clusterdeck.Web.Components;

/// <summary>The badge colour of a job state: green while it runs, blue when it ended well, red or amber when it did not.</summary>
public static class JobStateStyle
{
    public static string Colour(string state) => state switch
    {
        JobStates.Running => "success",
        JobStates.Completed => "primary",
        JobStates.Pending or JobStates.Suspended => "secondary",
        JobStates.Cancelled or JobStates.Preempted or JobStates.Timeout or JobStates.Deadline => "warning",
        JobStates.Failed or JobStates.NodeFail or JobStates.BootFail or JobStates.OutOfMemory => "danger",
        _ => "light",
    };

    /// <summary>The tag badge's colour by scope: global tags blue, admin tags amber, a user's private tags grey.</summary>
    public static string TagColour(Tag tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        return tag.Scope switch
        {
            TagScopes.Global => "info",
            TagScopes.Admin => "warning",
            _ => "secondary",
        };
    }
}
