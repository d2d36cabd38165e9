using Clusterdeck.Core.Errors;
using Microsoft.AspNetCore.Diagnostics;

namespace Clusterdeck.Http;

/// <summary>Maps domain exceptions and malformed requests to ProblemDetails with the reason; anything else stays a 500.</summary>
internal sealed class DomainExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, detail) = exception switch
        {
            InvalidInputException e => (StatusCodes.Status400BadRequest, e.Message),
            AccessDeniedException e => (StatusCodes.Status403Forbidden, e.Message),
            NotFoundException e => (StatusCodes.Status404NotFound, e.Message),
            ConflictException e => (StatusCodes.Status409Conflict, e.Message),
            BadHttpRequestException e => (e.StatusCode, Describe(e)),
            _ => (0, null),
        };
        if (status == 0)
        {
            return false;
        }

        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = status, Detail = detail },
        });
    }

    /// <summary>The binder's message names the parameter; the JSON reader's, underneath, names the field and position.</summary>
    private static string Describe(BadHttpRequestException exception) =>
        exception.InnerException is { } inner ? $"{exception.Message} {inner.Message}" : exception.Message;
}
