using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clusterdeck.Core.Metrics.Archiving;

public static class ArchivingServiceCollectionExtensions
{
    /// <summary>
    /// The archiver, the running-job refresher, the queue signal that <see cref="Jobs.JobService"/> pokes, and the
    /// <see cref="ArchivingOptions"/> validator (the host binds the section). Needs an <see cref="IMetricSource"/>.
    /// </summary>
    public static IServiceCollection AddJobArchiving(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<ArchivingOptions>, ArchivingOptionsValidator>();
        services.AddSingleton<ArchiveQueueSignal>();
        services.AddSingleton<JobArchiver>();
        services.AddSingleton<RunningJobRefresher>();
        return services;
    }

    /// <summary>The background loops: the archiving queue and the running-job refresh. For the server only, not for commands.</summary>
    public static IServiceCollection AddJobArchivingWorkers(this IServiceCollection services)
    {
        services.AddHostedService<JobArchivingService>();
        services.AddHostedService<RunningJobRefreshService>();
        return services;
    }
}
