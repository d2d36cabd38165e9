using Clusterdeck.Core.Errors;
using GraphQL;
using GraphQL.Execution;

namespace Clusterdeck.GraphQL;

internal static partial class GraphQLServiceCollectionExtensions
{
    /// <summary>
    /// Deepest selection accepted. The standard introspection query (GraphiQL, code generators) needs 13 levels;
    /// cc-backend's own UI queries stay under 8.
    /// </summary>
    public const int MaxDepth = 15;

    /// <summary>
    /// Most expensive document accepted, counting every field once per expected list element (<see cref="ListImpact"/>
    /// per list level). The full cluster tree costs about 2,000, a page of jobs with all fields a few hundred, the
    /// standard introspection query about 4,000; a document repeating such selections under many aliases does not fit.
    /// </summary>
    public const int MaxComplexity = 50_000;

    /// <summary>Expected elements per list level; cluster and metric-config lists nest four deep.</summary>
    public const double ListImpact = 3;

    public static IServiceCollection AddClusterdeckGraphQL(this IServiceCollection services)
    {
        services.AddGraphQL(graphQL => graphQL
            .AddSchema<ClusterdeckSchema>()
            .AddGraphTypes(typeof(ClusterdeckSchema).Assembly)
            .AddSystemTextJson()
            .AddExecutionStrategy<SampleArrayExecutionStrategy>(GraphQLParser.AST.OperationType.Query)
            .AddComplexityAnalyzer(complexity =>
            {
                complexity.MaxDepth = MaxDepth;
                complexity.MaxComplexity = MaxComplexity;
                complexity.DefaultListImpactMultiplier = ListImpact;
            })
            .AddUnhandledExceptionHandler(HandleException));
        return services;
    }

    /// <summary>Domain errors are the caller's to read; anything else is logged and answered without internals.</summary>
    private static void HandleException(UnhandledExceptionContext context)
    {
        var exception = context.OriginalException;
        if (exception is DomainException)
        {
            context.ErrorMessage = exception.Message;
            return;
        }

        if (exception is OperationCanceledException)
        {
            context.ErrorMessage = "the request was cancelled";
            return;
        }

        var logger = context.ExecutionOptions.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger(typeof(GraphQLEndpoints).FullName!);
        if (logger is not null)
        {
            LogResolverFailed(logger, context.FieldContext?.FieldDefinition.Name ?? "(document)", exception);
        }

        context.ErrorMessage = $"internal error while resolving {context.FieldContext?.FieldDefinition.Name ?? "the request"}; see the server log";
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Error, Message = "GraphQL resolver for {Field} failed")]
    private static partial void LogResolverFailed(ILogger logger, string field, Exception exception);
}
