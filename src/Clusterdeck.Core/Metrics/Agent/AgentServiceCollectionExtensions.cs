using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clusterdeck.Core.Metrics.Agent;

public static class AgentServiceCollectionExtensions
{
    /// <summary>
    /// The in-process node agent (<see cref="NodeAgentService"/>, idle unless <c>Agent:Enabled</c>) and the validator of the
    /// <c>Agent</c> section. It writes to the <see cref="Metrics.ILineProtocolSink"/> the metric store registers.
    /// </summary>
    public static IServiceCollection AddNodeAgent(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<AgentOptions>, AgentOptionsValidator>();
        services.AddHostedService<NodeAgentService>();
        return services;
    }
}
