using Clusterdeck.Core.Configuration;
using Microsoft.Extensions.Options;

namespace Clusterdeck.Core.Metrics.JobMetrics;

internal sealed class ResamplingOptionsValidator : IValidateOptions<ResamplingOptions>
{
    public ValidateOptionsResult Validate(string? name, ResamplingOptions options)
    {
        var failures = new OptionsFailures(ResamplingOptions.SectionName);
        if (options.MinimumPoints < 3)
        {
            failures.Add(nameof(options.MinimumPoints), $"{options.MinimumPoints} is too small; downsampling needs at least 3 samples");
        }

        for (var i = 0; i < options.Resolutions.Count; i++)
        {
            if (options.Resolutions[i] <= 0)
            {
                failures.Add($"{nameof(options.Resolutions)}:{i}", $"{options.Resolutions[i]} is not a positive number of seconds");
            }
        }

        return failures.ToResult();
    }
}
