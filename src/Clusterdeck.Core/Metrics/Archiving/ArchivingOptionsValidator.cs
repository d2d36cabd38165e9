using Clusterdeck.Core.Configuration;
using Microsoft.Extensions.Options;

namespace Clusterdeck.Core.Metrics.Archiving;

internal sealed class ArchivingOptionsValidator : IValidateOptions<ArchivingOptions>
{
    public const int MaxWorkers = 64;

    public ValidateOptionsResult Validate(string? name, ArchivingOptions options)
    {
        var failures = new OptionsFailures(ArchivingOptions.SectionName);
        if (options.Workers is < 1 or > MaxWorkers)
        {
            failures.Add(nameof(options.Workers), $"must be between 1 and {MaxWorkers}, not {options.Workers}");
        }

        if (!DurationText.TryParse(options.RefreshInterval, out var refresh) || refresh < TimeSpan.Zero || refresh > ArchivingOptions.MaxRefreshInterval)
        {
            failures.Add(nameof(options.RefreshInterval), $"'{options.RefreshInterval}' is not a duration between 0 (off) and 24h (examples: 90s, 5m)");
        }

        if (options.Retries < 0)
        {
            failures.Add(nameof(options.Retries), $"must not be negative, not {options.Retries}");
        }

        if (!DurationText.TryParse(options.RetryDelay, out var delay) || delay <= TimeSpan.Zero || delay > ArchivingOptions.MaxRetryDelay)
        {
            failures.Add(nameof(options.RetryDelay), $"'{options.RetryDelay}' is not a duration between 0 and 30m (examples: 10s, 1m)");
        }

        return failures.ToResult();
    }
}
