using Microsoft.Extensions.Options;

namespace Clusterdeck.Core.Configuration;

/// <summary>Collects every failure of one options section, each prefixed with its full key.</summary>
public sealed class OptionsFailures(string section)
{
    private readonly List<string> _failures = [];

    public void Add(string key, string message) => _failures.Add($"{section}:{key}: {message}");

    public void RequireDuration(string key, string? value)
    {
        if (!DurationText.TryParse(value, out var duration) || duration <= TimeSpan.Zero)
        {
            Add(key, $"'{value}' is not a positive duration (examples: 90s, 15m, 1h30m, 2000h)");
        }
    }

    public ValidateOptionsResult ToResult() =>
        _failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_failures);
}
