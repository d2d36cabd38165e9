namespace Clusterdeck.Web.Components.Nodes;

/// <summary>The time windows the node page offers (the last hour, 6 hours, day) and the resolution each plot asks for.</summary>
public static class NodePlotRange
{
    /// <summary>Samples per series a plot needs at most: about one per pixel of a plot's width.</summary>
    public const int MaxPoints = 720;

    public const string Default = "1h";

    public static IReadOnlyList<(string Name, long Seconds)> Choices { get; } = [("1h", 3600), ("6h", 6 * 3600), ("24h", 24 * 3600)];

    /// <summary>The window named <paramref name="name"/>; any other name means the default, so an edited URL still shows a page.</summary>
    public static (string Name, long Seconds) Parse(string? name) =>
        Choices.FirstOrDefault(c => c.Name == name) is { Name: not null } choice ? choice : Choices[0];

    /// <summary>
    /// The coarsest resolution that still leaves up to <see cref="MaxPoints"/> samples in <paramref name="seconds"/>: a
    /// whole multiple of the metric's <paramref name="timestep"/>, as the metric store requires; native when that is enough.
    /// </summary>
    public static int Resolution(long seconds, int timestep)
    {
        if (timestep <= 0)
        {
            return 0;
        }

        var samples = seconds / timestep;
        var factor = Math.Max(1, (samples + MaxPoints - 1) / MaxPoints);
        return (int)(timestep * factor);
    }
}
