using Clusterdeck.Core.Errors;
using Clusterdeck.Core.Jobs;
using Clusterdeck.Core.Jobs.Queries;
using Clusterdeck.GraphQL.Scalars;
using GraphQL.Types;

namespace Clusterdeck.GraphQL.Inputs;

/// <summary>cc-backend's <c>JobFilter</c>; every condition set must hold, and a list of filters is ANDed.</summary>
internal sealed class JobFilterGraphType : InputObjectGraphType
{
    public JobFilterGraphType()
    {
        Name = "JobFilter";
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("tags");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("dbId");
        Field<StringInputGraphType>("jobId");
        Field<GoIntGraphType>("arrayJobId");
        Field<StringInputGraphType>("user");
        Field<StringInputGraphType>("project");
        Field<StringInputGraphType>("jobName");
        Field<StringInputGraphType>("cluster");
        Field<StringInputGraphType>("subCluster");
        Field<StringInputGraphType>("partition");
        Field<IntRangeGraphType>("duration");
        Field<FloatRangeGraphType>("energy");
        Field<IntRangeGraphType>("numNodes");
        Field<IntRangeGraphType>("numAccelerators");
        Field<IntRangeGraphType>("numHWThreads");
        Field<TimeRangeGraphType>("startTime");
        Field<ListGraphType<NonNullGraphType<JobStateGraphType>>>("state");
        Field<ListGraphType<NonNullGraphType<MetricStatItemGraphType>>>("metricStats");
        Field<StringGraphType>("shared");
        Field<StringGraphType>("schedule");
        Field<StringInputGraphType>("node");
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        var shared = value.Get<string>("shared");
        if (shared is not null && !SharedModes.IsValid(shared))
        {
            throw new InvalidInputException($"shared must be one of {SharedModes.None}, {SharedModes.SingleUser}, {SharedModes.MultiUser}, not '{shared}'");
        }

        var schedule = value.Get<string>("schedule");
        if (schedule is not null and not ("interactive" or "batch" or "core" or "node"))
        {
            throw new InvalidInputException($"schedule must be 'interactive', 'batch', 'core' or 'node', not '{schedule}'");
        }

        return new JobFilter
        {
            Tags = value.GetIds("tags", "tag id"),
            DbIds = value.GetIds("dbId", "job id"),
            JobId = value.Get<StringInput>("jobId"),
            ArrayJobId = value.GetLong("arrayJobId"),
            User = value.Get<StringInput>("user"),
            Project = value.Get<StringInput>("project"),
            JobName = value.Get<StringInput>("jobName"),
            Cluster = value.Get<StringInput>("cluster"),
            SubCluster = value.Get<StringInput>("subCluster"),
            Partition = value.Get<StringInput>("partition"),
            Duration = value.Get<IntRange>("duration"),
            Energy = value.Get<FloatRange>("energy"),
            NumNodes = value.Get<IntRange>("numNodes"),
            NumAccelerators = value.Get<IntRange>("numAccelerators"),
            NumHWThreads = value.Get<IntRange>("numHWThreads"),
            StartTime = value.Get<TimeRange>("startTime"),
            State = value.GetList<string>("state"),
            MetricStats = value.GetList<MetricStatItem>("metricStats"),
            Shared = shared,
            Schedule = schedule,
            Node = value.Get<StringInput>("node"),
        };
    }
}
