using System.Net;
using System.Text.Json.Nodes;

namespace Clusterdeck.Tests.GraphQL;

/// <summary>A GraphQL answer: status, <c>data</c> and the messages of <c>errors</c>.</summary>
public sealed record GraphQLResponse(HttpStatusCode Status, JsonNode? Data, IReadOnlyList<string> Errors, string Body)
{
    public static GraphQLResponse Parse(HttpStatusCode status, string body)
    {
        var root = JsonNode.Parse(body)!.AsObject();
        var errors = root["errors"] is JsonArray list ? list.Select(e => e!["message"]!.GetValue<string>()).ToList() : [];
        return new GraphQLResponse(status, root["data"], errors, body);
    }

    /// <summary>The data of a request that must have succeeded.</summary>
    public JsonNode Ok()
    {
        if (Status != HttpStatusCode.OK || Errors.Count > 0 || Data is null)
        {
            throw new InvalidOperationException($"GraphQL request failed ({(int)Status}): {Body}");
        }

        return Data;
    }
}
