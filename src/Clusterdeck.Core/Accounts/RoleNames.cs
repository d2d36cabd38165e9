using System.Diagnostics.CodeAnalysis;

namespace Clusterdeck.Core.Accounts;

/// <summary>The wire names of <see cref="Role"/> and the parsing every adapter shares.</summary>
public static class RoleNames
{
    private static readonly string[] Names = ["api", "user", "manager", "support", "admin"];

    public static IReadOnlyList<string> All => Names;

    public static string ToName(this Role role) => Names[(int)role];

    public static bool TryParse(string? name, out Role role)
    {
        var index = name is null ? -1 : Array.IndexOf(Names, name.Trim().ToLowerInvariant());
        role = index < 0 ? default : (Role)index;
        return index >= 0;
    }

    /// <summary>Parses names into a sorted, duplicate-free list; every unknown name is reported.</summary>
    public static bool TryParseAll(IEnumerable<string> names, out IReadOnlyList<Role> roles, [NotNullWhen(false)] out string? error)
    {
        var parsed = new SortedSet<Role>();
        var unknown = new List<string>();
        foreach (var name in names)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                continue;
            }

            if (TryParse(name, out var role))
            {
                parsed.Add(role);
            }
            else
            {
                unknown.Add(name);
            }
        }

        roles = [.. parsed];
        error = unknown.Count == 0
            ? null
            : $"unknown role(s) {string.Join(", ", unknown.Select(n => $"'{n}'"))}; valid roles are {string.Join(", ", Names)}";
        return error is null;
    }
}
