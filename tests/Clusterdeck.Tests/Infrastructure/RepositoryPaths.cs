namespace Clusterdeck.Tests.Infrastructure;

/// <summary>Paths of the checkout the tests run from, and of the shared reference material beside it.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Docs(string relativePath) => Path.Combine(Root, "docs", relativePath);

    /// <summary>A file of the shared reference material (<c>../shared/reference/</c> beside the checkout).</summary>
    public static string Reference(string relativePath) => Path.GetFullPath(Path.Combine(Root, "..", "shared", "reference", relativePath));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Clusterdeck.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no Clusterdeck.slnx above {AppContext.BaseDirectory}");
    }
}
