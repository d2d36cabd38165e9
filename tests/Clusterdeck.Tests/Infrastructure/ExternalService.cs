namespace Clusterdeck.Tests.Infrastructure;

/// <summary>
/// The policy for tests that need a program this machine may lack (STYLE.md, Tests): in CI
/// (<c>CI=true</c>) a missing program is an error; elsewhere the tests are skipped with a visible reason.
/// </summary>
public static class ExternalService
{
    public static bool IsCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Returns <paramref name="reason"/> as a skip reason, or throws it in CI.</summary>
    /// <exception cref="InvalidOperationException">Running in CI, where nothing may be skipped for lack of a program.</exception>
    public static string Unavailable(string reason) =>
        IsCi ? throw new InvalidOperationException($"{reason} (CI=true, so this is an error, not a skip)") : reason;

    /// <summary>True when the process runs as root, where servers that refuse root must run as their own user.</summary>
    public static bool IsRoot => string.Equals(Environment.UserName, "root", StringComparison.Ordinal);
}
