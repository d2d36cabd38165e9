using GraphQL.Validation;
using GraphQLParser.AST;

namespace Clusterdeck.GraphQL;

/// <summary>
/// A GET request may only read: a mutation in a link would otherwise run with the browser's session cookie,
/// past the CSRF check that guards POST.
/// </summary>
internal sealed class QueryOperationsOnlyRule : ValidationRuleBase
{
    public static QueryOperationsOnlyRule Instance { get; } = new();

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (context.Operation.Operation != OperationType.Query)
        {
            context.ReportError(new ValidationError("GET requests may only run queries; send mutations with POST"));
        }

        return default;
    }
}
