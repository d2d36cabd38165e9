using System.Data.Common;
using Clusterdeck.Core.Errors;
using Clusterdeck.Core.Jobs;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Clusterdeck.Data.Jobs;

/// <summary>The tag and jobtag tables. Scope rules are <c>TagService</c>'s; this only stores.</summary>
internal sealed class SqlTagStore(IDbContextFactory<ClusterdeckDbContext> contexts) : ITagStore
{
    public async Task<IReadOnlyList<Tag>> ListAsync(CancellationToken cancellationToken)
    {
        var sql = new SqlText().Append($"SELECT {TagSql.SelectList} FROM tag ORDER BY tag.id");
        return await ReadAsync(sql, cancellationToken);
    }

    public async Task<Tag?> FindAsync(string type, string name, string scope, CancellationToken cancellationToken)
    {
        var sql = new SqlText();
        sql.Append($"SELECT {TagSql.SelectList} FROM tag WHERE tag.tag_type = {sql.Param(type)} AND tag.tag_name = {sql.Param(name)} AND tag.tag_scope = {sql.Param(scope)}");
        return (await ReadAsync(sql, cancellationToken)).FirstOrDefault();
    }

    public async Task<Tag?> GetAsync(long id, CancellationToken cancellationToken)
    {
        var sql = new SqlText();
        sql.Append($"SELECT {TagSql.SelectList} FROM tag WHERE tag.id = {sql.Param(id)}");
        return (await ReadAsync(sql, cancellationToken)).FirstOrDefault();
    }

    public async Task<Tag> GetOrCreateAsync(string type, string name, string scope, CancellationToken cancellationToken)
    {
        await using var session = await DbSession.OpenAsync(contexts, cancellationToken);
        var id = await TagSql.GetOrCreateIdAsync(session.Connection, null, type, name, scope, cancellationToken);
        return new Tag { Id = id, Type = type, Name = name, Scope = scope };
    }

    public async Task<IReadOnlyList<Tag>> ForJobAsync(long jobDbId, CancellationToken cancellationToken)
    {
        await using var session = await DbSession.OpenAsync(contexts, cancellationToken);
        var tags = await TagSql.ForJobsAsync(session.Connection, [jobDbId], cancellationToken);
        return tags.TryGetValue(jobDbId, out var list) ? list : [];
    }

    public async Task AttachAsync(long jobDbId, long tagId, CancellationToken cancellationToken)
    {
        await using var session = await DbSession.OpenAsync(contexts, cancellationToken);
        try
        {
            await TagSql.AttachAsync(session.Connection, null, jobDbId, tagId, cancellationToken);
        }
        catch (DbException error) when (IsForeignKeyViolation(error))
        {
            throw new NotFoundException($"job {jobDbId} or tag {tagId} does not exist");
        }
    }

    public async Task<bool> DetachAsync(long jobDbId, long tagId, CancellationToken cancellationToken)
    {
        var sql = new SqlText();
        sql.Append($"DELETE FROM jobtag WHERE job_id = {sql.Param(jobDbId)} AND tag_id = {sql.Param(tagId)}");
        return await ExecuteAsync(sql, cancellationToken) > 0;
    }

    public async Task<bool> DeleteAsync(long tagId, CancellationToken cancellationToken)
    {
        await using var session = await DbSession.OpenAsync(contexts, cancellationToken);
        await using var transaction = await session.Connection.BeginTransactionAsync(cancellationToken);
        var attachments = new SqlText();
        attachments.Append($"DELETE FROM jobtag WHERE tag_id = {attachments.Param(tagId)}");
        await using (var command = attachments.CreateCommand(session.Connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var tag = new SqlText();
        tag.Append($"DELETE FROM tag WHERE id = {tag.Param(tagId)}");
        int deleted;
        await using (var command = tag.CreateCommand(session.Connection, transaction))
        {
            deleted = await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return deleted > 0;
    }

    private static bool IsForeignKeyViolation(DbException error) => error switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.ForeignKeyViolation,
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode == 787, // SQLITE_CONSTRAINT_FOREIGNKEY
        _ => false,
    };

    private async Task<int> ExecuteAsync(SqlText sql, CancellationToken cancellationToken)
    {
        await using var session = await DbSession.OpenAsync(contexts, cancellationToken);
        await using var command = sql.CreateCommand(session.Connection);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<List<Tag>> ReadAsync(SqlText sql, CancellationToken cancellationToken)
    {
        await using var session = await DbSession.OpenAsync(contexts, cancellationToken);
        await using var command = sql.CreateCommand(session.Connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tags = new List<Tag>();
        while (await reader.ReadAsync(cancellationToken))
        {
            tags.Add(TagSql.Read(reader));
        }

        return tags;
    }
}
