using System.Text.Json;
using Clusterdeck.Core.Accounts;
using Clusterdeck.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Clusterdeck.Data.Stores;

internal sealed class EfUserStore(IDbContextFactory<ClusterdeckDbContext> contexts, TimeProvider timeProvider) : IUserStore
{
    public async Task<UserAccount?> FindAsync(string username, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entity = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Username == username, cancellationToken);
        return entity is null ? null : ToAccount(entity);
    }

    public async Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entities = await db.Users.AsNoTracking().OrderBy(u => u.Username).ToListAsync(cancellationToken);
        return [.. entities.Select(ToAccount)];
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.CountAsync(cancellationToken);
    }

    public async Task<bool> AddAsync(UserAccount user, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Users.AnyAsync(u => u.Username == user.Username, cancellationToken))
        {
            return false;
        }

        var now = timeProvider.GetUtcNow();
        var entity = new UserEntity { Username = user.Username, CreatedAt = now };
        Apply(user, entity, now);
        db.Users.Add(entity);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another writer may have inserted the same name between our check and our insert.
            if (await ExistsAsync(user.Username, cancellationToken))
            {
                return false;
            }

            throw;
        }
    }

    public async Task<bool> UpdateAsync(UserAccount user, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entity = await db.Users.FirstOrDefaultAsync(u => u.Username == user.Username, cancellationToken);
        if (entity is null)
        {
            return false;
        }

        Apply(user, entity, timeProvider.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<bool> DeleteAsync(string username, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.Where(u => u.Username == username).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    private async Task<bool> ExistsAsync(string username, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.AnyAsync(u => u.Username == username, cancellationToken);
    }

    private static void Apply(UserAccount user, UserEntity entity, DateTimeOffset now)
    {
        entity.Name = user.Name;
        entity.Email = user.Email;
        entity.Roles = JsonSerializer.Serialize(user.Roles.Select(r => r.ToName()));
        entity.Projects = JsonSerializer.Serialize(user.Projects);
        entity.AuthSource = (int)user.AuthSource;
        entity.PasswordHash = user.PasswordHash;
        entity.UpdatedAt = now;
    }

    private static UserAccount ToAccount(UserEntity entity)
    {
        // Unknown role names (a future role, a hand-edited row) are dropped rather than failing the read.
        _ = RoleNames.TryParseAll(ReadStrings(entity.Roles), out var roles, out _);
        return new UserAccount
        {
            Username = entity.Username,
            Name = entity.Name,
            Email = entity.Email,
            Roles = roles,
            Projects = ReadStrings(entity.Projects),
            AuthSource = Enum.IsDefined((AuthSource)entity.AuthSource) ? (AuthSource)entity.AuthSource : AuthSource.Local,
            PasswordHash = entity.PasswordHash,
        };
    }

    private static string[] ReadStrings(string json) =>
        string.IsNullOrWhiteSpace(json) ? [] : JsonSerializer.Deserialize<string[]>(json) ?? [];
}
