using System.Globalization;

namespace Clusterdeck.Core.Configuration;

/// <summary>Reads a duration from configuration: Go syntax (<c>90s</c>, <c>1h30m</c>) or .NET's <c>d.hh:mm:ss</c>.</summary>
public static class DurationText
{
    public static bool TryParse(string? text, out TimeSpan value) =>
        GoDuration.TryParse(text, out value) || TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value);

    /// <summary>Parses a value that options validation has already accepted.</summary>
    public static TimeSpan Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a duration (examples: 90s, 15m, 1h30m, 2000h)");
}
