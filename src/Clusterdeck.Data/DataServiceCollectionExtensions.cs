using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Jobs;
using Clusterdeck.Core.Nodes;
using Clusterdeck.Core.Settings;
using Clusterdeck.Core.Storage;
using Clusterdeck.Data.Jobs;
using Clusterdeck.Data.Nodes;
using Clusterdeck.Data.Sqlite;
using Clusterdeck.Data.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clusterdeck.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers the database of the configured provider and the stores built on it. Both providers'
    /// context factories are registered; only the configured one is ever created. Every
    /// <see cref="IInterceptor"/> in the container is applied (the host adds its metrics this way).
    /// </summary>
    public static IServiceCollection AddClusterdeckData(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        services.AddPooledDbContextFactory<SqliteDbContext>((sp, builder) =>
        {
            var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            builder.UseSqlite(DatabaseConnection.SqliteConnectionString(database, storage))
                .AddInterceptors([new SqliteConnectionSetup(database.BusyTimeout), .. sp.GetServices<IInterceptor>()]);
        });
        services.AddPooledDbContextFactory<PostgresDbContext>((sp, builder) =>
        {
            var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            builder.UseNpgsql(database.ConnectionString).AddInterceptors(sp.GetServices<IInterceptor>());
        });
        services.AddSingleton(sp => new Lazy<IDbContextFactory<SqliteDbContext>>(sp.GetRequiredService<IDbContextFactory<SqliteDbContext>>));
        services.AddSingleton(sp => new Lazy<IDbContextFactory<PostgresDbContext>>(sp.GetRequiredService<IDbContextFactory<PostgresDbContext>>));
        services.AddSingleton<IDbContextFactory<ClusterdeckDbContext>, ProviderDbContextFactory>();
        // Scoped context for consumers that want one per request (ASP.NET Core data protection).
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<ClusterdeckDbContext>>().CreateDbContext());

        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<IUserStore, EfUserStore>();
        services.AddSingleton<IJobStore, SqlJobStore>();
        services.AddSingleton<ITagStore, SqlTagStore>();
        services.AddSingleton<INodeStore, SqlNodeStore>();
        services.AddSingleton<ISettingsStore, EfSettingsStore>();
        return services;
    }
}
