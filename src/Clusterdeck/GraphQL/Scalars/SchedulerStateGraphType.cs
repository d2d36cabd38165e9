using Clusterdeck.Core.Nodes;

namespace Clusterdeck.GraphQL.Scalars;

/// <summary>cc-backend's <c>SchedulerState</c> scalar: allocated, reserved, idle, mixed, down, unknown.</summary>
internal sealed class SchedulerStateGraphType : StringScalarGraphType
{
    public SchedulerStateGraphType()
        : base("SchedulerState", SchedulerStates.IsValid, $"a scheduler state is one of {string.Join(", ", SchedulerStates.All)}")
    {
    }
}
