using Microsoft.Extensions.DependencyInjection;

namespace Clusterdeck.Core.Archive.Import;

public static class ArchiveImportServiceCollectionExtensions
{
    /// <summary>The archive rebuild and single-job import (they need the job archive, the job placement and the job store).</summary>
    public static IServiceCollection AddArchiveImport(this IServiceCollection services)
    {
        services.AddTransient<ArchiveImporter>();
        services.AddTransient<JobImporter>();
        return services;
    }
}
