using System.Text.Json;
using Clusterdeck.Core.Nodes;
using Clusterdeck.GraphQL.Scalars;
using GraphQL.Types;

namespace Clusterdeck.GraphQL.Types;

/// <summary>
/// cc-backend's <c>Node</c> with its current state. <c>healthData</c> is the health check's
/// <c>{"degraded": [...], "missing": [...]}</c>; both it and <c>metaData</c> are an empty object when absent, as in cc-backend.
/// </summary>
internal sealed class NodeGraphType : ObjectGraphType<Node>
{
    public NodeGraphType()
    {
        Name = "Node";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("hostname").Resolve(c => c.Source.Hostname);
        Field<NonNullGraphType<StringGraphType>>("cluster").Resolve(c => c.Source.Cluster);
        Field<NonNullGraphType<StringGraphType>>("subCluster").Resolve(c => c.Source.SubCluster);
        Field<NonNullGraphType<GoIntGraphType>>("jobsRunning").Resolve(c => c.Source.State.JobsRunning);
        Field<GoIntGraphType>("cpusAllocated").Resolve(c => c.Source.State.CpusAllocated);
        Field<GoIntGraphType>("memoryAllocated").Resolve(c => c.Source.State.MemoryAllocated);
        Field<GoIntGraphType>("gpusAllocated").Resolve(c => c.Source.State.GpusAllocated);
        Field<NonNullGraphType<SchedulerStateGraphType>>("schedulerState").Resolve(c => c.Source.State.SchedulerState);
        Field<NonNullGraphType<MonitoringStateGraphType>>("healthState").Resolve(c => c.Source.State.HealthState);
        Field<AnyGraphType>("metaData").Resolve(c => c.Source.MetaData ?? new Dictionary<string, string>());
        Field<AnyGraphType>("healthData").Resolve(c => HealthData(c.Source.State.HealthMetrics));
    }

    private static Dictionary<string, string[]> HealthData(string? json)
    {
        if (json is not null)
        {
            try
            {
                if (JsonSerializer.Deserialize<Dictionary<string, string[]>>(json) is { } data)
                {
                    return data;
                }
            }
            catch (JsonException)
            {
                // Written by this server, so never malformed in practice; show it as absent rather than fail the list.
            }
        }

        return new Dictionary<string, string[]>();
    }
}
