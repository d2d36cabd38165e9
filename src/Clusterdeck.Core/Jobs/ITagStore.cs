namespace Clusterdeck.Core.Jobs;

/// <summary>The tag and job-tag tables. Scope rules are the caller's business (<c>TagService</c>); the store only stores.</summary>
public interface ITagStore
{
    /// <summary>All tags (the service filters by readable scope).</summary>
    Task<IReadOnlyList<Tag>> ListAsync(CancellationToken cancellationToken);

    Task<Tag?> FindAsync(string type, string name, string scope, CancellationToken cancellationToken);

    Task<Tag?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>The existing tag with this type, name and scope, or a new one.</summary>
    Task<Tag> GetOrCreateAsync(string type, string name, string scope, CancellationToken cancellationToken);

    Task<IReadOnlyList<Tag>> ForJobAsync(long jobDbId, CancellationToken cancellationToken);

    /// <summary>Attaches a tag; attaching twice is a no-op.</summary>
    Task AttachAsync(long jobDbId, long tagId, CancellationToken cancellationToken);

    /// <summary>False when the job did not have the tag.</summary>
    Task<bool> DetachAsync(long jobDbId, long tagId, CancellationToken cancellationToken);

    /// <summary>Deletes the tag and its attachments. False when it did not exist.</summary>
    Task<bool> DeleteAsync(long tagId, CancellationToken cancellationToken);
}
