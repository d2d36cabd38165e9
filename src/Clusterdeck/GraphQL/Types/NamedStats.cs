using Clusterdeck.Core.Archive;

namespace Clusterdeck.GraphQL.Types;

/// <summary>A metric's statistics over a whole job (cc-backend's <c>NamedStats</c>).</summary>
internal sealed record NamedStats(string Name, SeriesStatistics Data);
