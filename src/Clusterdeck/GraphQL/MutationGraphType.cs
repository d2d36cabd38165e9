using Clusterdeck.Core.Jobs;
using Clusterdeck.GraphQL.Inputs;
using Clusterdeck.GraphQL.Scalars;
using Clusterdeck.GraphQL.Types;
using GraphQL;
using GraphQL.Types;

namespace Clusterdeck.GraphQL;

/// <summary>
/// cc-backend's tag mutations: createTag, deleteTag, addTagsToJob, removeTagsFromJob, removeTagFromList. Scope rules
/// are <see cref="TagService"/>'s; a denied or unknown tag fails the whole call before anything changes.
/// </summary>
internal sealed class MutationGraphType : ObjectGraphType
{
    public MutationGraphType()
    {
        Name = "Mutation";
        Field<NonNullGraphType<TagGraphType>>("createTag")
            .Argument<NonNullGraphType<StringGraphType>>("type")
            .Argument<NonNullGraphType<StringGraphType>>("name")
            .Argument<NonNullGraphType<StringGraphType>>("scope")
            .ResolveAsync(async c => await c.Service<TagService>().CreateAsync(
                c.Caller(), c.GetArgument<string>("type"), c.GetArgument<string>("name"), c.GetArgument<string>("scope"), c.CancellationToken));

        // cc-backend declares deleteTag but never implemented it; here it deletes with removeTagFromList's rules.
        Field<NonNullGraphType<IdGraphType>>("deleteTag")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c =>
            {
                var id = InputValues.ParseId(c.GetArgument<object>("id"), "tag id");
                await c.Service<TagService>().DeleteAsync(c.Caller(), id, c.CancellationToken);
                return id;
            });

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TagGraphType>>>>("addTagsToJob")
            .Argument<NonNullGraphType<IdGraphType>>("job")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("tagIds")
            .ResolveAsync(async c => await c.Service<TagService>().AttachAsync(c.Caller(), JobId(c), TagIds(c), c.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TagGraphType>>>>("removeTagsFromJob")
            .Argument<NonNullGraphType<IdGraphType>>("job")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("tagIds")
            .ResolveAsync(async c => await c.Service<TagService>().DetachAsync(c.Caller(), JobId(c), TagIds(c), c.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GoIntGraphType>>>>("removeTagFromList")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("tagIds")
            .ResolveAsync(async c =>
            {
                var ids = TagIds(c);
                await c.Service<TagService>().DeleteManyAsync(c.Caller(), ids, c.CancellationToken);
                return ids;
            });
    }

    private static long JobId(IResolveFieldContext context) => InputValues.ParseId(context.GetArgument<object>("job"), "job id");

    private static List<long> TagIds(IResolveFieldContext context) =>
        [.. (context.GetArgument<List<object>>("tagIds") ?? []).Select(id => InputValues.ParseId(id, "tag id"))];
}
