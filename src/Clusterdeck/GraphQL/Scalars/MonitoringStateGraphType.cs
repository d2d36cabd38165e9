using Clusterdeck.Core.Nodes;

namespace Clusterdeck.GraphQL.Scalars;

/// <summary>cc-backend's <c>MonitoringState</c> scalar, a node's health: full, partial, failed.</summary>
internal sealed class MonitoringStateGraphType : StringScalarGraphType
{
    public MonitoringStateGraphType()
        : base("MonitoringState", MonitoringStates.IsValid, $"a monitoring state is one of {string.Join(", ", MonitoringStates.All)}")
    {
    }
}
