using Clusterdeck.Core.Configuration;
using Microsoft.Extensions.Options;

namespace Clusterdeck.Core.Metrics.Store;

internal sealed class MetricStoreOptionsValidator : IValidateOptions<MetricStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, MetricStoreOptions options)
    {
        var failures = new OptionsFailures(MetricStoreOptions.SectionName);
        if (options.DefaultTimestep <= 0)
        {
            failures.Add(nameof(options.DefaultTimestep), $"'{options.DefaultTimestep}' must be a positive number of seconds");
        }

        failures.RequireDuration(nameof(options.Retention), options.Retention);
        if (options.MemoryLimit < 0)
        {
            failures.Add(nameof(options.MemoryLimit), $"'{options.MemoryLimit}' must be 0 (no limit) or a positive number of megabytes");
        }

        failures.RequireDuration($"{nameof(options.Checkpoints)}:{nameof(MetricCheckpointOptions.Interval)}", options.Checkpoints.Interval);
        if (options.Checkpoints.Directory.Length > 0 && string.IsNullOrWhiteSpace(options.Checkpoints.Directory))
        {
            failures.Add($"{nameof(options.Checkpoints)}:{nameof(MetricCheckpointOptions.Directory)}", "must not be blank (leave it out for <Storage:DataDirectory>/metric-checkpoints)");
        }

        return failures.ToResult();
    }
}
