namespace Clusterdeck.Core.Configuration;

// Temporary: replaced by the full parser from the LDAP work when it merges.
public static class GoDuration
{
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var unit = text[^1];
        if (!double.TryParse(text[..^1], System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            return false;
        }

        value = unit switch { 'h' => TimeSpan.FromHours(n), 'm' => TimeSpan.FromMinutes(n), 's' => TimeSpan.FromSeconds(n), _ => TimeSpan.Zero };
        return value > TimeSpan.Zero;
    }
}
