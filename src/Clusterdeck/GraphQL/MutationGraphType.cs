using GraphQL.Types;

namespace Clusterdeck.GraphQL;

/// <summary>cc-backend's tag mutations: createTag, deleteTag, addTagsToJob, removeTagsFromJob, removeTagFromList.</summary>
internal sealed class MutationGraphType : ObjectGraphType
{
    public MutationGraphType()
    {
        Name = "Mutation";
    }
}
