using System.Text;
using Clusterdeck.Core.Jobs.Queries;
using Clusterdeck.Web.JobList;
using Microsoft.AspNetCore.WebUtilities;

namespace Clusterdeck.Web.Statistics;

/// <summary>
/// The analysis page's view in its query string: <c>cluster</c> (empty: every cluster), <c>start</c> (as in the job list:
/// <c>last7d</c> or <c>2026-03-01..2026-03-31</c>), <c>groupBy</c> (<c>user</c> or <c>project</c>) and <c>sort</c> (one of
/// <see cref="SortColumns"/>, largest first).
/// </summary>
public sealed record AnalysisUrl
{
    public const string DefaultSort = "TOTALNODEHOURS";

    /// <summary>The statistics the group table can be sorted by (the service's names) with their headings.</summary>
    public static IReadOnlyDictionary<string, string> SortColumns { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["TOTALJOBS"] = "Jobs",
        ["TOTALWALLTIME"] = "Walltime (h)",
        ["TOTALNODEHOURS"] = "Node hours",
        ["TOTALCOREHOURS"] = "Core hours",
        ["TOTALACCHOURS"] = "Accelerator hours",
    };

    public string? Cluster { get; init; }
    public StartRange? Start { get; init; }
    public StatisticsGrouping GroupBy { get; init; } = StatisticsGrouping.User;
    public string Sort { get; init; } = DefaultSort;

    public static (AnalysisUrl Url, IReadOnlyList<string> Errors) Parse(string? queryString)
    {
        var errors = new List<string>();
        var url = new AnalysisUrl();
        foreach (var (name, values) in QueryHelpers.ParseQuery(queryString))
        {
            var value = values.LastOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
            if (value is null)
            {
                continue;
            }

            switch (name)
            {
                case "cluster":
                    url = url with { Cluster = value };
                    break;
                case "start":
                    url = url with { Start = FilterValues.Start(name, value, errors) };
                    break;
                case "groupBy":
                    if (value is "user" or "project")
                    {
                        url = url with { GroupBy = value == "user" ? StatisticsGrouping.User : StatisticsGrouping.Project };
                    }
                    else
                    {
                        errors.Add($"groupBy: '{value}' is neither user nor project");
                    }

                    break;
                case "sort":
                    if (SortColumns.ContainsKey(value))
                    {
                        url = url with { Sort = value };
                    }
                    else
                    {
                        errors.Add($"sort: '{value}' is not one of {string.Join(", ", SortColumns.Keys)}");
                    }

                    break;
                default:
                    errors.Add($"'{name}' is not an analysis parameter");
                    break;
            }
        }

        return (url, errors);
    }

    public string ToQueryString()
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(Cluster))
        {
            parts.Add("cluster=" + Uri.EscapeDataString(Cluster));
        }

        if (Start is not null)
        {
            parts.Add("start=" + Uri.EscapeDataString(FilterValues.FormatStart(Start)));
        }

        if (GroupBy != StatisticsGrouping.User)
        {
            parts.Add("groupBy=project");
        }

        if (Sort != DefaultSort)
        {
            parts.Add("sort=" + Sort);
        }

        return parts.Count == 0 ? "" : new StringBuilder("?").AppendJoin('&', parts).ToString();
    }

    /// <summary>The jobs the page covers: the cluster and start time.</summary>
    public JobFilter ToJobFilter() => new()
    {
        Cluster = string.IsNullOrEmpty(Cluster) ? null : StringInput.Equal(Cluster),
        StartTime = Start is null ? null : new TimeRange { Range = Start.Last, From = Start.From, To = Start.To },
    };
}
