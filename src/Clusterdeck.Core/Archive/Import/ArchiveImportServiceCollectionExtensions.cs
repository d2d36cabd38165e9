using Microsoft.Extensions.DependencyInjection;

namespace Clusterdeck.Core.Archive.Import;

public static class ArchiveImportServiceCollectionExtensions
{
    /// <summary>The archive rebuild and single-job import (they need the job archive, the cluster catalog and the job and tag stores).</summary>
    public static IServiceCollection AddArchiveImport(this IServiceCollection services)
    {
        services.AddSingleton<IJobPlacement, CatalogJobPlacement>();
        services.AddTransient<ArchiveImporter>();
        services.AddTransient<JobImporter>();
        return services;
    }
}
