using System.Globalization;
using System.Text;
using Clusterdeck.Core.Jobs;
using Clusterdeck.Core.Jobs.Queries;
using Microsoft.AspNetCore.WebUtilities;

namespace Clusterdeck.Web.JobList;

/// <summary>
/// A job-list view as it lives in the query string, so a view can be bookmarked and shared. Every parameter is optional:
/// <list type="table">
/// <item><term><c>cluster</c>, <c>partition</c>, <c>user</c>, <c>project</c>, <c>node</c></term><description>equal, or with <c>*</c> at
/// either end starts/ends with or contains (<c>user=ali*</c>); <c>node</c> matches any of the job's hosts.</description></item>
/// <item><term><c>jobName</c></term><description>contains, or with <c>*</c> as above.</description></item>
/// <item><term><c>jobId</c></term><description>a job id, or several separated by commas.</description></item>
/// <item><term><c>state</c></term><description>job states, repeated or separated by commas (<c>state=failed,timeout</c>).</description></item>
/// <item><term><c>tag</c></term><description>tag ids, repeated or separated by commas; a job matches with any of them.</description></item>
/// <item><term><c>start</c></term><description><c>last6h</c>, <c>last24h</c>, <c>last7d</c>, <c>last30d</c>, or UTC dates/times
/// <c>2026-03-01..2026-03-31</c> (an end may be left open; a date alone as the upper end includes that day).</description></item>
/// <item><term><c>duration</c></term><description>a range of durations: <c>1h..</c>, <c>10m..2h</c>, <c>..90</c> (seconds).</description></item>
/// <item><term><c>nodes</c>, <c>accs</c></term><description>ranges of counts: <c>2..8</c>, <c>1..</c>, or one number for exactly that.</description></item>
/// <item><term><c>fp.&lt;key&gt;</c></term><description>a footprint value range, e.g. <c>fp.flops_any_avg=10..100</c>, <c>fp.mem_used_max=..16</c>.</description></item>
/// <item><term><c>sort</c></term><description>a column or <c>fp.&lt;key&gt;</c>, with <c>-</c> in front for descending (default <c>-startTime</c>).</description></item>
/// <item><term><c>page</c>, <c>perPage</c></term><description>1-based page; 25, 50 or 100 jobs per page (default 25).</description></item>
/// </list>
/// Ranges are inclusive, written <c>min..max</c> throughout (dates contain '-', so '-' cannot separate). Anything else in the query
/// string, or a value that does not parse, is reported back with the parameter's name rather than silently ignored.
/// </summary>
public sealed record JobListUrl
{
    public const int DefaultPerPage = 25;

    public static IReadOnlyList<int> PageSizes { get; } = [25, 50, 100];

    public static JobListUrl Default { get; } = new();

    public string? Cluster { get; init; }
    public string? Partition { get; init; }
    public string? User { get; init; }
    public string? Project { get; init; }
    public string? JobName { get; init; }
    public string? Node { get; init; }
    public IReadOnlyList<string> JobIds { get; init; } = [];
    public IReadOnlyList<string> States { get; init; } = [];
    public IReadOnlyList<long> Tags { get; init; } = [];
    public StartRange? Start { get; init; }
    public Bounds? Duration { get; init; }
    public Bounds? Nodes { get; init; }
    public Bounds? Accelerators { get; init; }

    /// <summary>Footprint ranges by key, in key order.</summary>
    public IReadOnlyList<KeyValuePair<string, Bounds>> Footprint { get; init; } = [];

    public JobListSort Sort { get; init; } = JobListSort.Newest;
    public int Page { get; init; } = 1;
    public int PerPage { get; init; } = DefaultPerPage;

    /// <summary>Whether any filter is set (sort and paging aside).</summary>
    public bool HasFilters => (this with { Sort = JobListSort.Newest, Page = 1, PerPage = DefaultPerPage }).ToQueryString().Length > 0;

    public static JobListUrlParse Parse(string? queryString)
    {
        var errors = new List<string>();
        var url = Default;
        var footprint = new SortedDictionary<string, Bounds>(StringComparer.Ordinal);
        foreach (var (name, values) in QueryHelpers.ParseQuery(queryString))
        {
            var all = values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();
            if (all.Count == 0)
            {
                continue;
            }

            if (name.StartsWith(JobListSort.FootprintPrefix, StringComparison.Ordinal))
            {
                var key = name[JobListSort.FootprintPrefix.Length..];
                if (!FilterValues.IsFootprintKey(key))
                {
                    errors.Add($"{name}: '{key}' is not a footprint metric name (letters, digits and '_', like flops_any_avg)");
                }
                else if (Single(name, all, errors) is { } text && FilterValues.Number(name, text, errors) is { } range)
                {
                    footprint[key] = range;
                }

                continue;
            }

            switch (name)
            {
                case "cluster": url = url with { Cluster = CheckedText(name, all, errors, containsWhenPlain: false) }; break;
                case "partition": url = url with { Partition = CheckedText(name, all, errors, containsWhenPlain: false) }; break;
                case "user": url = url with { User = CheckedText(name, all, errors, containsWhenPlain: false) }; break;
                case "project": url = url with { Project = CheckedText(name, all, errors, containsWhenPlain: false) }; break;
                case "jobName": url = url with { JobName = CheckedText(name, all, errors, containsWhenPlain: true) }; break;
                case "node": url = url with { Node = CheckedText(name, all, errors, containsWhenPlain: false) }; break;
                case "jobId": url = url with { JobIds = ParseJobIds(all, errors) }; break;
                case "state": url = url with { States = ParseStates(all, errors) }; break;
                case "tag": url = url with { Tags = ParseTags(all, errors) }; break;
                case "start": url = url with { Start = Single(name, all, errors) is { } s ? FilterValues.Start(name, s, errors) : null }; break;
                case "duration": url = url with { Duration = Single(name, all, errors) is { } d ? FilterValues.DurationRange(name, d, errors) : null }; break;
                case "nodes": url = url with { Nodes = Single(name, all, errors) is { } n ? FilterValues.Count(name, n, errors) : null }; break;
                case "accs": url = url with { Accelerators = Single(name, all, errors) is { } a ? FilterValues.Count(name, a, errors) : null }; break;
                case "sort":
                    if (Single(name, all, errors) is { } sortText)
                    {
                        url = JobListSort.TryParse(sortText, out var sort, out var sortError) ? url with { Sort = sort } : Failed(url, errors, sortError!);
                    }

                    break;
                case "page":
                    url = Single(name, all, errors) is { } pageText
                        && int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1
                        ? url with { Page = page }
                        : Failed(url, errors, $"page: '{string.Join(",", all)}' is not a page number (1, 2, …)");
                    break;
                case "perPage":
                    url = Single(name, all, errors) is { } perPageText
                        && int.TryParse(perPageText, NumberStyles.None, CultureInfo.InvariantCulture, out var perPage) && PageSizes.Contains(perPage)
                        ? url with { PerPage = perPage }
                        : Failed(url, errors, $"perPage: '{string.Join(",", all)}' is not one of {string.Join(", ", PageSizes)}");
                    break;
                default:
                    errors.Add($"'{name}' is not a job list parameter");
                    break;
            }
        }

        return new JobListUrlParse(url with { Footprint = [.. footprint] }, errors);
    }

    /// <summary>The query string (with <c>?</c>, or empty for the default view), parameters in a fixed order, defaults left out.</summary>
    public string ToQueryString()
    {
        var parts = new List<(string Name, string Value)>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add((name, value));
            }
        }

        Add("cluster", Cluster);
        Add("partition", Partition);
        Add("user", User);
        Add("project", Project);
        Add("jobName", JobName);
        Add("jobId", JobIds.Count > 0 ? string.Join(',', JobIds) : null);
        Add("state", States.Count > 0 ? string.Join(',', States) : null);
        Add("tag", Tags.Count > 0 ? string.Join(',', Tags.Select(t => t.ToString(CultureInfo.InvariantCulture))) : null);
        Add("node", Node);
        Add("start", Start is null ? null : FilterValues.FormatStart(Start));
        Add("duration", Duration is null ? null : FilterValues.FormatRange(Duration, d => FilterValues.FormatDuration((long)d)));
        Add("nodes", Nodes is null ? null : FilterValues.FormatRange(Nodes, FilterValues.FormatNumber));
        Add("accs", Accelerators is null ? null : FilterValues.FormatRange(Accelerators, FilterValues.FormatNumber));
        foreach (var (key, range) in Footprint)
        {
            Add(JobListSort.FootprintPrefix + key, FilterValues.FormatRange(range, FilterValues.FormatNumber));
        }

        Add("sort", Sort == JobListSort.Newest ? null : Sort.Text);
        Add("page", Page == 1 ? null : Page.ToString(CultureInfo.InvariantCulture));
        Add("perPage", PerPage == DefaultPerPage ? null : PerPage.ToString(CultureInfo.InvariantCulture));
        if (parts.Count == 0)
        {
            return "";
        }

        var text = new StringBuilder();
        foreach (var (name, value) in parts)
        {
            text.Append(text.Length == 0 ? '?' : '&').Append(Escape(name)).Append('=').Append(Escape(value));
        }

        return text.ToString();
    }

    /// <summary>The store's filter for this view: one <see cref="JobFilter"/> whose conditions all hold.</summary>
    public JobFilter ToJobFilter()
    {
        var errors = new List<string>();
        var filter = new JobFilter
        {
            Cluster = Cluster is null ? null : FilterValues.Text("cluster", Cluster, containsWhenPlain: false, errors),
            Partition = Partition is null ? null : FilterValues.Text("partition", Partition, containsWhenPlain: false, errors),
            User = User is null ? null : FilterValues.Text("user", User, containsWhenPlain: false, errors),
            Project = Project is null ? null : FilterValues.Text("project", Project, containsWhenPlain: false, errors),
            JobName = JobName is null ? null : FilterValues.Text("jobName", JobName, containsWhenPlain: true, errors),
            Node = Node is null ? null : FilterValues.Text("node", Node, containsWhenPlain: false, errors),
            JobId = JobIds.Count switch
            {
                0 => null,
                1 => StringInput.Equal(JobIds[0]),
                _ => new StringInput { In = JobIds },
            },
            State = States.Count > 0 ? States : null,
            Tags = Tags.Count > 0 ? Tags : null,
            StartTime = Start is null ? null : new TimeRange { Range = Start.Last, From = Start.From, To = Start.To },
            Duration = ToIntRange(Duration),
            NumNodes = ToIntRange(Nodes),
            NumAccelerators = ToIntRange(Accelerators),
            MetricStats = Footprint.Count > 0
                ? [.. Footprint.Select(f => new MetricStatItem(f.Key, new FloatRange(f.Value.Min ?? double.MinValue, f.Value.Max ?? double.MaxValue)))]
                : null,
        };
        // Values were checked when the URL was parsed; a record built by hand with a bad pattern fails loudly here.
        return errors.Count == 0 ? filter : throw new ArgumentException(string.Join("; ", errors));
    }

    /// <summary>The page of this view as the store takes it, with the total count.</summary>
    public JobQuery ToJobQuery(IReadOnlyList<JobFilter> fixedFilters)
    {
        ArgumentNullException.ThrowIfNull(fixedFilters);
        return new JobQuery
        {
            Filters = [.. fixedFilters, ToJobFilter()],
            Order = Sort.ToJobOrder(),
            Page = new PageRequest(PerPage, Page),
            IncludeCount = true,
        };
    }

    /// <summary>This view sorted by <paramref name="sort"/>, back on the first page.</summary>
    public JobListUrl SortedBy(JobListSort sort) => this with { Sort = sort, Page = 1 };

    public JobListUrl AtPage(int page) => this with { Page = Math.Max(1, page) };

    private static IntRange? ToIntRange(Bounds? bounds) =>
        bounds is null ? null : new IntRange((long)(bounds.Min ?? 0), bounds.Max is { } max ? (long)max : long.MaxValue);

    private static string? Single(string name, List<string> values, List<string> errors)
    {
        if (values.Count == 1)
        {
            return values[0];
        }

        errors.Add($"{name}: given {values.Count} times, but takes one value");
        return null;
    }

    private static string? CheckedText(string name, List<string> values, List<string> errors, bool containsWhenPlain) =>
        Single(name, values, errors) is { } text && FilterValues.Text(name, text, containsWhenPlain, errors) is not null ? text : null;

    private static JobListUrl Failed(JobListUrl url, List<string> errors, string error)
    {
        errors.Add(error);
        return url;
    }

    private static List<string> ParseJobIds(List<string> values, List<string> errors)
    {
        var ids = SplitCommas(values);
        foreach (var id in ids)
        {
            if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                errors.Add($"jobId: '{id}' is not a job id (a whole number)");
                return [];
            }
        }

        return ids;
    }

    private static List<string> ParseStates(List<string> values, List<string> errors)
    {
        var states = SplitCommas(values).Distinct(StringComparer.Ordinal).ToList();
        foreach (var state in states)
        {
            if (!JobStates.IsValid(state))
            {
                errors.Add($"state: '{state}' is not a job state (one of {string.Join(", ", JobStates.All)})");
                return [];
            }
        }

        return states;
    }

    private static List<long> ParseTags(List<string> values, List<string> errors)
    {
        var tags = new List<long>();
        foreach (var text in SplitCommas(values))
        {
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                errors.Add($"tag: '{text}' is not a tag id");
                return [];
            }

            if (!tags.Contains(id))
            {
                tags.Add(id);
            }
        }

        return tags;
    }

    private static List<string> SplitCommas(List<string> values) =>
        [.. values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    /// <summary>Percent-encodes like <see cref="Uri.EscapeDataString(string)"/> but keeps the scheme's own signs readable.</summary>
    private static string Escape(string value) =>
        Uri.EscapeDataString(value).Replace("%2A", "*", StringComparison.Ordinal).Replace("%2C", ",", StringComparison.Ordinal).Replace("%3A", ":", StringComparison.Ordinal);
}
