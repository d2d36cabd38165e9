using Clusterdeck.Core.Jobs.Queries;
using Clusterdeck.Core.Nodes;
using Clusterdeck.GraphQL.Scalars;
using GraphQL.Types;

namespace Clusterdeck.GraphQL.Inputs;

/// <summary>cc-backend's <c>NodeFilter</c>; every condition set must hold, and a list of filters is ANDed.</summary>
internal sealed class NodeFilterGraphType : InputObjectGraphType
{
    public NodeFilterGraphType()
    {
        Name = "NodeFilter";
        Field<StringInputGraphType>("hostname");
        Field<StringInputGraphType>("cluster");
        Field<StringInputGraphType>("subCluster");
        Field<SchedulerStateGraphType>("schedulerState");
        Field<MonitoringStateGraphType>("healthState");
        Field<GoIntGraphType>("timeStart");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new NodeFilter
    {
        Hostname = value.Get<StringInput>("hostname"),
        Cluster = value.Get<StringInput>("cluster"),
        SubCluster = value.Get<StringInput>("subCluster"),
        SchedulerState = value.Get<string>("schedulerState"),
        HealthState = value.Get<string>("healthState"),
        TimeStart = value.GetLong("timeStart"),
    };
}
