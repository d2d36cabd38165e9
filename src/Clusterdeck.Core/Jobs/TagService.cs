using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Errors;

namespace Clusterdeck.Core.Jobs;

/// <summary>
/// Tags and their scopes, with cc-backend's rules (internal/repository/tags.go and the GraphQL tag mutations):
/// everyone reads <c>global</c> tags, admin and support read <c>admin</c> tags, a user reads their own private
/// tags (scope = their username). Admin and api-only callers write <c>admin</c> tags; admin, support and
/// api-only callers write <c>global</c> tags; everybody writes their own private tags. Deleting a tag
/// altogether needs admin (or api-only) for <c>global</c> and <c>admin</c> tags; a user deletes their own.
/// Attaching and detaching need write access to the tag's scope and sight of the job.
/// </summary>
public sealed class TagService(ITagStore tags, IJobStore jobs, JobVisibilityResolver visibility)
{
    private const int MaxLength = 255;

    public static bool CanRead(Caller caller, string scope)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return scope switch
        {
            TagScopes.Global => true,
            TagScopes.Admin => caller.HasRole(Role.Admin) || caller.HasRole(Role.Support),
            _ => string.Equals(scope, caller.Username, StringComparison.Ordinal),
        };
    }

    public static bool CanWrite(Caller caller, string scope)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return scope switch
        {
            TagScopes.Admin => caller.HasRole(Role.Admin) || IsApiOnly(caller),
            TagScopes.Global => caller.HasRole(Role.Admin) || caller.HasRole(Role.Support) || IsApiOnly(caller),
            _ => string.Equals(scope, caller.Username, StringComparison.Ordinal),
        };
    }

    public static bool CanDelete(Caller caller, string scope)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return scope switch
        {
            TagScopes.Admin or TagScopes.Global => caller.HasRole(Role.Admin) || IsApiOnly(caller),
            _ => string.Equals(scope, caller.Username, StringComparison.Ordinal),
        };
    }

    /// <summary>The tags among <paramref name="all"/> that the caller may read.</summary>
    public static IReadOnlyList<Tag> Readable(Caller caller, IEnumerable<Tag> all) => [.. all.Where(t => CanRead(caller, t.Scope))];

    private static bool IsApiOnly(Caller caller) => caller.Roles.Count == 1 && caller.HasRole(Role.Api);

    public async Task<IReadOnlyList<Tag>> ListAsync(Caller caller, CancellationToken cancellationToken) =>
        Readable(caller, await tags.ListAsync(cancellationToken));

    /// <summary>Creates a tag; <see cref="ConflictException"/> when it exists.</summary>
    public async Task<Tag> CreateAsync(Caller caller, string type, string name, string? scope, CancellationToken cancellationToken)
    {
        var (checkedType, checkedName, checkedScope) = Check(type, name, scope);
        RequireWrite(caller, checkedScope);
        if (await tags.FindAsync(checkedType, checkedName, checkedScope, cancellationToken) is not null)
        {
            throw new ConflictException($"tag {checkedType}:{checkedName} with scope '{checkedScope}' already exists");
        }

        return await tags.GetOrCreateAsync(checkedType, checkedName, checkedScope, cancellationToken);
    }

    /// <summary>Attaches existing tags to a job; returns the job's tags the caller may read.</summary>
    public async Task<IReadOnlyList<Tag>> AttachAsync(Caller caller, long jobDbId, IReadOnlyList<long> tagIds, CancellationToken cancellationToken)
    {
        foreach (var tag in await WritableTagsOfVisibleJobAsync(caller, jobDbId, tagIds, cancellationToken))
        {
            await tags.AttachAsync(jobDbId, tag.Id, cancellationToken);
        }

        return Readable(caller, await tags.ForJobAsync(jobDbId, cancellationToken));
    }

    /// <summary>cc-backend's <c>tag_job</c>: attaches tags named by type, name and scope (default global), creating missing ones.</summary>
    public async Task<IReadOnlyList<Tag>> AttachByNameAsync(Caller caller, long jobDbId, IReadOnlyList<Tag> named, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(named);
        await RequireVisibleJobAsync(caller, jobDbId, cancellationToken);
        var checkedTags = named.Select(t => Check(t.Type, t.Name, t.Scope)).ToList();
        foreach (var (_, _, scope) in checkedTags)
        {
            RequireWrite(caller, scope);
        }

        foreach (var (type, name, scope) in checkedTags)
        {
            var tag = await tags.GetOrCreateAsync(type, name, scope, cancellationToken);
            await tags.AttachAsync(jobDbId, tag.Id, cancellationToken);
        }

        return Readable(caller, await tags.ForJobAsync(jobDbId, cancellationToken));
    }

    /// <summary>Detaches tags from a job; returns the job's remaining tags the caller may read.</summary>
    public async Task<IReadOnlyList<Tag>> DetachAsync(Caller caller, long jobDbId, IReadOnlyList<long> tagIds, CancellationToken cancellationToken)
    {
        foreach (var tag in await WritableTagsOfVisibleJobAsync(caller, jobDbId, tagIds, cancellationToken))
        {
            await tags.DetachAsync(jobDbId, tag.Id, cancellationToken);
        }

        return Readable(caller, await tags.ForJobAsync(jobDbId, cancellationToken));
    }

    /// <summary>Checks, before anything changes, that the caller sees the job and may write every one of the tags.</summary>
    private async Task<List<Tag>> WritableTagsOfVisibleJobAsync(Caller caller, long jobDbId, IReadOnlyList<long> tagIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tagIds);
        await RequireVisibleJobAsync(caller, jobDbId, cancellationToken);
        var found = new List<Tag>();
        foreach (var tagId in tagIds)
        {
            var tag = await RequireTagAsync(caller, tagId, cancellationToken);
            RequireWrite(caller, tag.Scope);
            found.Add(tag);
        }

        return found;
    }

    /// <summary>Detaches tags named by type, name and scope (default global); a tag that does not exist is <see cref="NotFoundException"/>.</summary>
    public async Task<IReadOnlyList<Tag>> DetachByNameAsync(Caller caller, long jobDbId, IReadOnlyList<Tag> named, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(named);
        var ids = new List<long>();
        foreach (var (type, name, scope) in named.Select(t => Check(t.Type, t.Name, t.Scope)))
        {
            var tag = await tags.FindAsync(type, name, scope, cancellationToken)
                ?? throw new NotFoundException($"tag {type}:{name} with scope '{scope}' does not exist");
            ids.Add(tag.Id);
        }

        return await DetachAsync(caller, jobDbId, ids, cancellationToken);
    }

    /// <summary>Deletes a tag and all its attachments.</summary>
    public async Task DeleteAsync(Caller caller, long tagId, CancellationToken cancellationToken)
    {
        var tag = await RequireTagAsync(caller, tagId, cancellationToken);
        RequireDelete(caller, tag);
        await tags.DeleteAsync(tag.Id, cancellationToken);
    }

    /// <summary>Deletes several tags, all or nothing: every one must exist for the caller and be theirs to delete before any is deleted.</summary>
    public async Task DeleteManyAsync(Caller caller, IReadOnlyList<long> tagIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tagIds);
        var found = new List<Tag>(tagIds.Count);
        foreach (var tagId in tagIds)
        {
            var tag = await RequireTagAsync(caller, tagId, cancellationToken);
            RequireDelete(caller, tag);
            found.Add(tag);
        }

        foreach (var tag in found)
        {
            await tags.DeleteAsync(tag.Id, cancellationToken);
        }
    }

    /// <summary>Deletes the tag named by type, name and scope (default global) and all its attachments.</summary>
    public async Task DeleteAsync(Caller caller, string type, string name, string? scope, CancellationToken cancellationToken)
    {
        var (checkedType, checkedName, checkedScope) = Check(type, name, scope);
        var tag = await tags.FindAsync(checkedType, checkedName, checkedScope, cancellationToken);
        if (tag is null || !Knows(caller, tag.Scope))
        {
            throw new NotFoundException($"tag {checkedType}:{checkedName} with scope '{checkedScope}' does not exist");
        }

        RequireDelete(caller, tag);
        await tags.DeleteAsync(tag.Id, cancellationToken);
    }

    private static void RequireDelete(Caller caller, Tag tag)
    {
        if (!CanDelete(caller, tag.Scope))
        {
            throw new AccessDeniedException($"not authorized to delete tag {tag.Id} with scope '{tag.Scope}'");
        }
    }

    private static void RequireWrite(Caller caller, string scope)
    {
        if (!CanWrite(caller, scope))
        {
            throw new AccessDeniedException($"not authorized to write tags with scope '{scope}'");
        }
    }

    /// <summary>A tag the caller can read or write; any other does not exist for them.</summary>
    private async Task<Tag> RequireTagAsync(Caller caller, long tagId, CancellationToken cancellationToken)
    {
        var tag = await tags.GetAsync(tagId, cancellationToken);
        return tag is not null && Knows(caller, tag.Scope) ? tag : throw new NotFoundException($"tag {tagId} does not exist");
    }

    // An api-only caller writes admin tags without reading them (cc-backend's rule), so it must be able to name them.
    private static bool Knows(Caller caller, string scope) => CanRead(caller, scope) || CanWrite(caller, scope);

    private async Task RequireVisibleJobAsync(Caller caller, long jobDbId, CancellationToken cancellationToken)
    {
        var seen = await visibility.ForAsync(caller, cancellationToken);
        var job = await jobs.GetAsync(jobDbId, cancellationToken);
        if (job is null || !JobAccess.CanSee(seen, job))
        {
            throw new NotFoundException($"job {jobDbId} does not exist");
        }
    }

    private static (string Type, string Name, string Scope) Check(string? type, string? name, string? scope)
    {
        scope = string.IsNullOrEmpty(scope) ? TagScopes.Global : scope;
        if (string.IsNullOrWhiteSpace(type) || string.IsNullOrWhiteSpace(name))
        {
            throw new InvalidInputException("a tag needs a type and a name");
        }

        if (type.Length > MaxLength || name.Length > MaxLength || scope.Length > MaxLength)
        {
            throw new InvalidInputException($"tag type, name and scope are limited to {MaxLength} characters");
        }

        return (type, name, scope);
    }
}
