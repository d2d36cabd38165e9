using System.CommandLine;
using Clusterdeck.Hosting;

namespace Clusterdeck.Cli;

/// <summary>Options every command accepts, and the configuration they add up to.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> Config = new("--config")
    {
        Description = $"Configuration file (default: ./{ClusterdeckConfiguration.DefaultFileName} when present)",
        Recursive = true,
        HelpName = "FILE",
    };

    public static readonly Option<string?> DataDirectory = new("--data-dir")
    {
        Description = "Data directory (default: ./var); same as --Storage:DataDirectory=DIR",
        Recursive = true,
        HelpName = "DIR",
    };

    /// <summary>Configuration from the parsed command line; <c>--Section:Key=Value</c> tokens become overrides.</summary>
    public static ConfigurationInputs Inputs(ParseResult parseResult, string? urls = null)
    {
        var unknown = parseResult.UnmatchedTokens.Where(t => !ClusterdeckConfiguration.IsOverride(t)).ToList();
        if (unknown.Count > 0)
        {
            throw new CommandLineException($"unrecognised argument(s): {string.Join(" ", unknown)} (settings are written --Section:Key=Value)");
        }

        return new ConfigurationInputs(
            parseResult.GetValue(Config),
            parseResult.GetValue(DataDirectory),
            urls,
            [.. parseResult.UnmatchedTokens]);
    }
}
