using Clusterdeck.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace Clusterdeck.Data.Stores;

internal sealed class EfSettingsStore(IDbContextFactory<ClusterdeckDbContext> contexts, TimeProvider timeProvider) : ISettingsStore
{
    public async Task<string?> GetAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Settings.AsNoTracking().Where(s => s.Name == name).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task SetAsync(string name, string? value, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (value is null)
        {
            await db.Settings.Where(s => s.Name == name).ExecuteDeleteAsync(cancellationToken);
            return;
        }

        // One statement, so two replicas writing at once cannot both insert (read-then-insert would race).
        // SQLite (3.24+) and PostgreSQL share this upsert syntax.
        var now = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO settings (name, value, updated_at) VALUES ({name}, {value}, {now})
            ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
            """,
            cancellationToken);
    }
}
