using System.Text;
using System.Text.RegularExpressions;

namespace Clusterdeck.Core.Metrics.Sources;

/// <summary>
/// cc-backend's PromQL templates: <c>{{.Nodes}}</c> stands for a regular expression matching the hosts asked for,
/// each followed by the configured suffix. The expression is written for a double-quoted PromQL string (backslashes
/// doubled), which is where every template puts it: <c>node_load1{exported_instance=~"{{.Nodes}}"}</c>.
/// </summary>
internal static partial class PromQlTemplate
{
    public const string NodesPlaceholder = "{{.Nodes}}";

    /// <summary>The first placeholder other than <c>{{.Nodes}}</c>, or null.</summary>
    public static string? UnknownPlaceholder(string template) =>
        Placeholder().Matches(template).Select(m => m.Value).FirstOrDefault(p => !IsNodes(p));

    /// <summary>The template with the hosts filled in; no hosts means every host (<c>.*</c> with the suffix).</summary>
    public static string Expand(string template, IReadOnlyCollection<string> hosts, string suffix)
    {
        var regex = new StringBuilder();
        if (hosts.Count == 0)
        {
            regex.Append(".*");
        }
        else
        {
            regex.Append("(?:").AppendJoin('|', hosts.Select(EscapeRegex)).Append(')');
        }

        regex.Append(EscapeRegex(suffix));
        var text = regex.ToString().Replace(@"\", @"\\", StringComparison.Ordinal);
        return Placeholder().Replace(template, m => IsNodes(m.Value) ? text : m.Value);
    }

    private static bool IsNodes(string placeholder) => NodesName().IsMatch(placeholder);

    private static string EscapeRegex(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (@"\.+*?()|[]{}^$".Contains(c, StringComparison.Ordinal))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    [GeneratedRegex(@"\{\{.*?\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^\{\{\s*\.Nodes\s*\}\}$")]
    private static partial Regex NodesName();
}
