using Clusterdeck.Core.Configuration;
using Microsoft.Extensions.Options;

namespace Clusterdeck.Core.Metrics.Agent;

internal sealed class AgentOptionsValidator : IValidateOptions<AgentOptions>
{
    public ValidateOptionsResult Validate(string? name, AgentOptions options)
    {
        var failures = new OptionsFailures(AgentOptions.SectionName);
        if (options.Interval.Length > 0)
        {
            failures.RequireDuration(nameof(options.Interval), options.Interval);
        }

        if (AgentNames.Problem(options.Hostname) is { } hostnameProblem)
        {
            failures.Add(nameof(options.Hostname), hostnameProblem);
        }

        if (AgentNames.Problem(options.Cluster) is { } clusterProblem)
        {
            failures.Add(nameof(options.Cluster), clusterProblem);
        }

        return failures.ToResult();
    }
}
