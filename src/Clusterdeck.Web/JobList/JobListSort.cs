using Clusterdeck.Core.Jobs.Queries;

namespace Clusterdeck.Web.JobList;

/// <summary>
/// The list's order as it appears in the URL: <c>sort=startTime</c> ascending, <c>sort=-startTime</c> descending, and
/// <c>sort=-fp.flops_any_avg</c> for a footprint value (jobs without it last).
/// </summary>
public sealed record JobListSort(string Field, bool Footprint, bool Descending)
{
    public const string FootprintPrefix = "fp.";

    /// <summary>The job columns the list can be sorted by, with their headings.</summary>
    public static IReadOnlyDictionary<string, string> Columns { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["jobId"] = "Job id",
        ["user"] = "User",
        ["project"] = "Project",
        ["cluster"] = "Cluster",
        ["partition"] = "Partition",
        ["startTime"] = "Start time",
        ["duration"] = "Duration",
        ["walltime"] = "Walltime",
        ["numNodes"] = "Nodes",
        ["numHwthreads"] = "Cores",
        ["numAcc"] = "Accelerators",
        ["state"] = "State",
        ["energy"] = "Energy",
    };

    public static JobListSort Newest { get; } = new("startTime", Footprint: false, Descending: true);

    /// <summary>The URL text: <c>[-]field</c> or <c>[-]fp.key</c>.</summary>
    public string Text => (Descending ? "-" : "") + (Footprint ? FootprintPrefix : "") + Field;

    public JobOrder ToJobOrder() => new(Field, Footprint ? JobOrder.Footprint : JobOrder.Column, Descending);

    /// <summary>The same field in the other direction; a newly chosen field starts with the direction that is most useful for it.</summary>
    public JobListSort Toggled() => this with { Descending = !Descending };

    public static bool TryParse(string text, out JobListSort sort, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        sort = Newest;
        error = null;
        var descending = text.StartsWith('-');
        var field = descending ? text[1..] : text;
        if (field.StartsWith(FootprintPrefix, StringComparison.Ordinal))
        {
            var key = field[FootprintPrefix.Length..];
            if (!FilterValues.IsFootprintKey(key))
            {
                error = $"sort: '{key}' is not a footprint metric name (letters, digits and '_', like flops_any_avg)";
                return false;
            }

            sort = new JobListSort(key, Footprint: true, descending);
            return true;
        }

        if (!Columns.ContainsKey(field))
        {
            error = $"sort: unknown column '{field}' (use one of {string.Join(", ", Columns.Keys)} or fp.<footprint metric>, with '-' in front for descending)";
            return false;
        }

        sort = new JobListSort(field, Footprint: false, descending);
        return true;
    }
}
