using Clusterdeck.Core.Clusters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clusterdeck.Core.Archive;

public static class ArchiveServiceCollectionExtensions
{
    /// <summary>
    /// The filesystem job archive and the cluster catalog read from it. The catalog loads on first use, so
    /// <see cref="IJobArchive.InitializeAsync"/> must run first (the host's start-up tasks do both).
    /// </summary>
    public static IServiceCollection AddJobArchive(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<ArchiveOptions>, ArchiveOptionsValidator>();
        services.AddSingleton<JobArchive>();
        services.AddSingleton<IJobArchive>(sp => sp.GetRequiredService<JobArchive>());
        services.AddSingleton<IClusterCatalog>(sp => ClusterCatalog.Load(sp.GetRequiredService<IJobArchive>().Root));
        return services;
    }
}
