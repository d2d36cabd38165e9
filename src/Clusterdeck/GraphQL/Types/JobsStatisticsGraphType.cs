using Clusterdeck.Core.Jobs.Queries;
using Clusterdeck.GraphQL.Scalars;
using GraphQL.Types;

namespace Clusterdeck.GraphQL.Types;

/// <summary>cc-backend's <c>JobsStatistics</c>: one row per group (user, project, cluster, subcluster) or one for all jobs.</summary>
internal sealed class JobsStatisticsGraphType : ObjectGraphType<JobGroupStatistics>
{
    public JobsStatisticsGraphType()
    {
        Name = "JobsStatistics";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<GoIntGraphType>>("totalUsers").Resolve(c => c.Source.TotalUsers);
        Field<NonNullGraphType<GoIntGraphType>>("totalJobs").Resolve(c => c.Source.TotalJobs);
        Field<NonNullGraphType<GoIntGraphType>>("runningJobs").Resolve(c => c.Source.RunningJobs);
        Field<NonNullGraphType<GoIntGraphType>>("shortJobs").Resolve(c => c.Source.ShortJobs);
        Field<NonNullGraphType<GoIntGraphType>>("totalWalltime").Resolve(c => c.Source.TotalWalltime);
        Field<NonNullGraphType<GoIntGraphType>>("totalNodes").Resolve(c => c.Source.TotalNodes);
        Field<NonNullGraphType<GoIntGraphType>>("totalNodeHours").Resolve(c => c.Source.TotalNodeHours);
        Field<NonNullGraphType<GoIntGraphType>>("totalCores").Resolve(c => c.Source.TotalCores);
        Field<NonNullGraphType<GoIntGraphType>>("totalCoreHours").Resolve(c => c.Source.TotalCoreHours);
        Field<NonNullGraphType<GoIntGraphType>>("totalAccs").Resolve(c => c.Source.TotalAccs);
        Field<NonNullGraphType<GoIntGraphType>>("totalAccHours").Resolve(c => c.Source.TotalAccHours);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<HistoPointGraphType>>>>("histDuration").Resolve(c => c.Source.HistDuration);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<HistoPointGraphType>>>>("histNumNodes").Resolve(c => c.Source.HistNumNodes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<HistoPointGraphType>>>>("histNumCores").Resolve(c => c.Source.HistNumCores);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<HistoPointGraphType>>>>("histNumAccs").Resolve(c => c.Source.HistNumAccs);
    }
}
