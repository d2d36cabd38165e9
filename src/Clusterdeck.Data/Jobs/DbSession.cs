using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Clusterdeck.Data.Jobs;

/// <summary>
/// An open connection borrowed from a pooled context, so that hand-written SQL runs with the same
/// connection string, pragmas and interceptors as EF.
/// </summary>
internal sealed class DbSession : IAsyncDisposable
{
    private readonly ClusterdeckDbContext _context;

    private DbSession(ClusterdeckDbContext context)
    {
        _context = context;
        Connection = context.Database.GetDbConnection();
    }

    public DbConnection Connection { get; }

    public ClusterdeckDbContext Context => _context;

    public static async Task<DbSession> OpenAsync(IDbContextFactory<ClusterdeckDbContext> contexts, CancellationToken cancellationToken)
    {
        var context = await contexts.CreateDbContextAsync(cancellationToken);
        try
        {
            await context.Database.OpenConnectionAsync(cancellationToken);
            return new DbSession(context);
        }
        catch
        {
            await context.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _context.Database.CloseConnectionAsync();
        await _context.DisposeAsync();
    }
}
