using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Jobs;
using Clusterdeck.GraphQL.Scalars;
using GraphQL.Types;

namespace Clusterdeck.GraphQL.Types;

/// <summary>cc-backend's <c>Job</c>. Tags are those the caller may read; <c>userData</c> follows cc-backend's profile rule.</summary>
internal sealed class JobGraphType : ObjectGraphType<Job>
{
    public JobGraphType()
    {
        Name = "Job";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<GoIntGraphType>>("jobId").Resolve(c => c.Source.JobId);
        Field<NonNullGraphType<StringGraphType>>("user").Resolve(c => c.Source.User);
        Field<NonNullGraphType<StringGraphType>>("project").Resolve(c => c.Source.Project);
        Field<NonNullGraphType<StringGraphType>>("cluster").Resolve(c => c.Source.Cluster);
        Field<NonNullGraphType<StringGraphType>>("subCluster").Resolve(c => c.Source.SubCluster);
        Field<NonNullGraphType<TimeGraphType>>("startTime").Resolve(c => DateTimeOffset.FromUnixTimeSeconds(c.Source.StartTime));
        Field<NonNullGraphType<GoIntGraphType>>("duration").Resolve(c => c.Source.Duration);
        Field<NonNullGraphType<GoIntGraphType>>("walltime").Resolve(c => c.Source.Walltime);
        Field<NonNullGraphType<GoIntGraphType>>("numNodes").Resolve(c => c.Source.NumNodes);
        Field<NonNullGraphType<GoIntGraphType>>("numHWThreads").Resolve(c => c.Source.NumHwthreads);
        Field<NonNullGraphType<GoIntGraphType>>("numAcc").Resolve(c => c.Source.NumAcc);
        Field<NonNullGraphType<FloatGraphType>>("energy").Resolve(c => c.Source.Energy);
        Field<NonNullGraphType<GoIntGraphType>>("SMT").Resolve(c => c.Source.Smt);
        Field<NonNullGraphType<StringGraphType>>("shared").Resolve(c => c.Source.Shared);
        Field<NonNullGraphType<StringGraphType>>("partition").Resolve(c => c.Source.Partition ?? "");
        Field<NonNullGraphType<GoIntGraphType>>("arrayJobId").Resolve(c => c.Source.ArrayJobId);
        Field<NonNullGraphType<GoIntGraphType>>("monitoringStatus").Resolve(c => c.Source.MonitoringStatus);
        Field<NonNullGraphType<JobStateGraphType>>("state").Resolve(c => c.Source.State);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TagGraphType>>>>("tags")
            .Resolve(c => c.Source.Tags ?? []); // JobQueryService loads them with the job, limited to what the caller may read
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ResourceGraphType>>>>("resources").Resolve(c => c.Source.Resources);
        Field<ListGraphType<FootprintValueGraphType>>("footprint").Resolve(c => FootprintValue.From(c.Source.Footprint));
        Field<ListGraphType<EnergyFootprintValueGraphType>>("energyFootprint").Resolve(c => EnergyFootprintValue.From(c.Source.EnergyFootprint));
        Field<AnyGraphType>("metaData").Resolve(c => c.Source.MetaData ?? new Dictionary<string, string>());
        Field<UserGraphType>("userData")
            .ResolveAsync(async c => await c.RequestContext().ProfileAsync(
                c.Source.User, user => c.Service<UserService>().FindProfileAsync(c.Caller(), user, c.CancellationToken)));
    }
}
