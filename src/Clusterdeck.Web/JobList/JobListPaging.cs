namespace Clusterdeck.Web.JobList;

/// <summary>The pager's arithmetic and the sort direction a column starts with.</summary>
public static class JobListPaging
{
    private static readonly HashSet<string> TextColumns = new(StringComparer.Ordinal) { "user", "project", "cluster", "partition", "state" };

    /// <summary>Pages needed for <paramref name="count"/> jobs; at least 1, so an empty list still has its first page.</summary>
    public static int LastPage(long count, int perPage) =>
        perPage <= 0 || count <= 0 ? 1 : (int)Math.Min(int.MaxValue, (count + perPage - 1) / perPage);

    /// <summary>
    /// The page numbers to offer: the first, the last, and two either side of the current one; null where numbers are left out
    /// (1 … 4 5 6 7 8 … 40).
    /// </summary>
    public static IReadOnlyList<int?> Numbers(int current, int last)
    {
        var shown = new SortedSet<int> { 1, last };
        for (var page = current - 2; page <= current + 2; page++)
        {
            if (page >= 1 && page <= last)
            {
                shown.Add(page);
            }
        }

        var numbers = new List<int?>();
        var previous = 0;
        foreach (var page in shown)
        {
            if (page > previous + 1)
            {
                numbers.Add(null);
            }

            numbers.Add(page);
            previous = page;
        }

        return numbers;
    }

    /// <summary>Numbers and times are most useful largest first; names and states alphabetically.</summary>
    public static bool DescendingFirst(string field) => !TextColumns.Contains(field);
}
