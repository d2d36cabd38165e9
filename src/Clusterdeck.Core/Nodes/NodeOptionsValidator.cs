using Clusterdeck.Core.Configuration;
using Microsoft.Extensions.Options;

namespace Clusterdeck.Core.Nodes;

internal sealed class NodeOptionsValidator : IValidateOptions<NodeOptions>
{
    private const int MaxTimesteps = 100_000;

    public ValidateOptionsResult Validate(string? name, NodeOptions options)
    {
        var failures = new OptionsFailures(NodeOptions.SectionName);
        if (options.HealthTimesteps is < 1 or > MaxTimesteps)
        {
            failures.Add(nameof(options.HealthTimesteps), $"must be between 1 and {MaxTimesteps}, not {options.HealthTimesteps}");
        }

        if (options.HealthLookbackTimesteps < options.HealthTimesteps || options.HealthLookbackTimesteps > MaxTimesteps)
        {
            failures.Add(
                nameof(options.HealthLookbackTimesteps),
                $"must be at least {nameof(options.HealthTimesteps)} ({options.HealthTimesteps}) and at most {MaxTimesteps}, not {options.HealthLookbackTimesteps}");
        }

        return failures.ToResult();
    }
}
