using Clusterdeck.Core.Jobs;
using Clusterdeck.Core.Jobs.Queries;

namespace Clusterdeck.GraphQL.Types;

/// <summary>A page of jobs as cc-backend's <c>JobResultList</c> carries it.</summary>
internal sealed record JobResultList(IReadOnlyList<Job> Items, PageRequest Page, long? Count, bool HasNextPage);
