using System.Data.Common;
using Clusterdeck.Core.Jobs;

namespace Clusterdeck.Data.Jobs;

/// <summary>Tag statements shared by the job store (tags arriving with a job) and the tag store.</summary>
internal static class TagSql
{
    public const string SelectList = "tag.id, tag.tag_type, tag.tag_name, tag.tag_scope";

    public static Tag Read(DbDataReader reader, int offset = 0) => new()
    {
        Id = reader.GetInt64(offset),
        Type = reader.GetString(offset + 1),
        Name = reader.GetString(offset + 2),
        Scope = reader.GetString(offset + 3),
    };

    public static async Task<long> GetOrCreateIdAsync(DbConnection connection, DbTransaction? transaction, string type, string name, string scope, CancellationToken cancellationToken)
    {
        var insert = new SqlText();
        insert.Append($"INSERT INTO tag (tag_type, tag_name, tag_scope) VALUES ({insert.Param(type)}, {insert.Param(name)}, {insert.Param(scope)}) ON CONFLICT (tag_type, tag_name, tag_scope) DO NOTHING");
        await using (var command = insert.CreateCommand(connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var select = new SqlText();
        select.Append($"SELECT id FROM tag WHERE tag_type = {select.Param(type)} AND tag_name = {select.Param(name)} AND tag_scope = {select.Param(scope)}");
        await using var query = select.CreateCommand(connection, transaction);
        return Convert.ToInt64(await query.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<bool> AttachAsync(DbConnection connection, DbTransaction? transaction, long jobId, long tagId, CancellationToken cancellationToken)
    {
        var sql = new SqlText();
        sql.Append($"INSERT INTO jobtag (job_id, tag_id) VALUES ({sql.Param(jobId)}, {sql.Param(tagId)}) ON CONFLICT (job_id, tag_id) DO NOTHING");
        await using var command = sql.CreateCommand(connection, transaction);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public static async Task AttachAllAsync(DbConnection connection, DbTransaction? transaction, long jobId, IReadOnlyList<Tag>? tags, CancellationToken cancellationToken)
    {
        foreach (var tag in tags ?? [])
        {
            var tagId = await GetOrCreateIdAsync(connection, transaction, tag.Type, tag.Name, string.IsNullOrEmpty(tag.Scope) ? TagScopes.Global : tag.Scope, cancellationToken);
            await AttachAsync(connection, transaction, jobId, tagId, cancellationToken);
        }
    }

    /// <summary>The tags of each of the given jobs.</summary>
    public static async Task<Dictionary<long, List<Tag>>> ForJobsAsync(DbConnection connection, IReadOnlyList<long> jobIds, CancellationToken cancellationToken)
    {
        var result = new Dictionary<long, List<Tag>>();
        foreach (var chunk in jobIds.Chunk(500))
        {
            var sql = new SqlText();
            sql.Append($"SELECT jobtag.job_id, {SelectList} FROM jobtag JOIN tag ON tag.id = jobtag.tag_id WHERE jobtag.job_id IN {sql.ParamList(chunk)} ORDER BY tag.id");
            await using var command = sql.CreateCommand(connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var jobId = reader.GetInt64(0);
                if (!result.TryGetValue(jobId, out var list))
                {
                    result[jobId] = list = [];
                }

                list.Add(Read(reader, 1));
            }
        }

        return result;
    }
}
