namespace Clusterdeck.Core.Jobs.Queries;

/// <summary>
/// Which rows a caller may see, decided once from their roles (see <c>JobAccess</c>) and applied by the store
/// to every query: all jobs, or the jobs of one user plus, for managers, the jobs of their projects.
/// </summary>
public sealed record JobVisibility
{
    private JobVisibility() { }

    public static JobVisibility All { get; } = new();

    /// <summary>Null when every job is visible.</summary>
    public string? User { get; private init; }

    public IReadOnlyList<string> Projects { get; private init; } = [];

    public bool IsUnrestricted => User is null;

    public static JobVisibility OwnJobs(string user) => new() { User = user };

    public static JobVisibility OwnAndProjectJobs(string user, IReadOnlyList<string> projects) =>
        new() { User = user, Projects = projects };
}
