using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clusterdeck.Core.Nodes;

public static class NodesServiceCollectionExtensions
{
    /// <summary>Node states and their history (<see cref="NodeService"/>) and the health check from metric freshness.
    /// The store (<see cref="INodeStore"/>) comes with the database.</summary>
    public static IServiceCollection AddNodes(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<NodeOptions>, NodeOptionsValidator>();
        services.AddSingleton<NodeHealthProbe>();
        services.AddSingleton<NodeService>();
        return services;
    }
}
