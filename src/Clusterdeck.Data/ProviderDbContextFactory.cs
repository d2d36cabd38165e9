using Clusterdeck.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Clusterdeck.Data;

/// <summary>Hands out contexts of the configured provider as the provider-neutral <see cref="ClusterdeckDbContext"/>.</summary>
internal sealed class ProviderDbContextFactory(
    IOptions<DatabaseOptions> options,
    Lazy<IDbContextFactory<SqliteDbContext>> sqlite,
    Lazy<IDbContextFactory<PostgresDbContext>> postgres) : IDbContextFactory<ClusterdeckDbContext>
{
    private readonly DatabaseProvider _provider = options.Value.Provider;

    public ClusterdeckDbContext CreateDbContext() => _provider switch
    {
        DatabaseProvider.Postgres => postgres.Value.CreateDbContext(),
        _ => sqlite.Value.CreateDbContext(),
    };

    public async Task<ClusterdeckDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) => _provider switch
    {
        DatabaseProvider.Postgres => await postgres.Value.CreateDbContextAsync(cancellationToken),
        _ => await sqlite.Value.CreateDbContextAsync(cancellationToken),
    };
}
