using Clusterdeck.Core.Jobs;

namespace Clusterdeck.GraphQL.Scalars;

/// <summary>cc-backend's <c>JobState</c> scalar: one of the job states (<c>running</c>, <c>completed</c>, ...).</summary>
internal sealed class JobStateGraphType : StringScalarGraphType
{
    public JobStateGraphType()
        : base("JobState", JobStates.IsValid, $"a job state is one of {string.Join(", ", JobStates.All)}")
    {
    }
}
