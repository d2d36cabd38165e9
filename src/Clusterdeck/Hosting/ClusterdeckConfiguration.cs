using System.Text.RegularExpressions;
using Clusterdeck.Core.Storage;

namespace Clusterdeck.Hosting;

/// <summary>
/// Builds the configuration from, in rising precedence: the defaults in the options classes, one JSON
/// file, environment variables <c>CLUSTERDECK__Section__Key</c>, and the command line.
/// </summary>
internal static partial class ClusterdeckConfiguration
{
    public const string DefaultFileName = "clusterdeck.json";
    public const string EnvironmentPrefix = "CLUSTERDECK__";

    [GeneratedRegex(@"^--?(?<key>[A-Za-z][A-Za-z0-9_.-]*(?::[A-Za-z0-9_.-]+)+)=(?<value>.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex OverridePattern();

    /// <summary>True for a command-line token of the form <c>--Section:Key=Value</c>.</summary>
    public static bool IsOverride(string token) => OverridePattern().IsMatch(token);

    public static IConfigurationRoot Build(ConfigurationInputs inputs)
    {
        var builder = new ConfigurationBuilder();
        var file = ResolveFile(inputs.ConfigFile);
        if (file is not null)
        {
            builder.AddJsonFile(file, optional: false, reloadOnChange: false);
        }

        builder.AddEnvironmentVariables(EnvironmentPrefix);

        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var token in inputs.Overrides ?? [])
        {
            var match = OverridePattern().Match(token);
            if (!match.Success)
            {
                throw new ConfigurationException([$"'{token}' is not a setting; write --Section:Key=Value"]);
            }

            overrides[match.Groups["key"].Value] = match.Groups["value"].Value;
        }

        if (inputs.DataDirectory is not null)
        {
            overrides[$"{StorageOptions.SectionName}:{nameof(StorageOptions.DataDirectory)}"] = inputs.DataDirectory;
        }

        if (inputs.Urls is not null)
        {
            overrides[$"{ServerOptions.SectionName}:{nameof(ServerOptions.Urls)}"] = inputs.Urls;
        }

        builder.AddInMemoryCollection(overrides);
        try
        {
            return builder.Build();
        }
        catch (Exception e) when (e is InvalidDataException or FormatException)
        {
            // The JSON provider wraps the parser's message (with line and position) two levels deep.
            var innermost = e;
            while (innermost.InnerException is not null)
            {
                innermost = innermost.InnerException;
            }

            throw new ConfigurationException([$"{file}: not valid JSON: {innermost.Message}"]);
        }
    }

    private static string? ResolveFile(string? configFile)
    {
        if (configFile is null)
        {
            var fallback = Path.GetFullPath(DefaultFileName);
            return File.Exists(fallback) ? fallback : null;
        }

        var path = Path.GetFullPath(configFile);
        return File.Exists(path)
            ? path
            : throw new ConfigurationException([$"configuration file '{path}' does not exist (run 'clusterdeck init' to create one)"]);
    }
}
