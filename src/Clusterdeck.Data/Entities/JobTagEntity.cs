namespace Clusterdeck.Data.Entities;

/// <summary>Row of table <c>jobtag</c>: a tag attached to a job. Deleting either side deletes the row.</summary>
internal sealed class JobTagEntity
{
    public long JobId { get; set; }
    public long TagId { get; set; }
}
