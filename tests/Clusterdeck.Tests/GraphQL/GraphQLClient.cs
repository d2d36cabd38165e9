using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Clusterdeck.Tests.GraphQL;

/// <summary>Posts GraphQL documents to <c>/query</c> over real HTTP.</summary>
public static class GraphQLClient
{
    public static async Task<GraphQLResponse> QueryAsync(this HttpClient client, string query, object? variables = null)
    {
        var body = new JsonObject { ["query"] = query };
        if (variables is not null)
        {
            body["variables"] = System.Text.Json.JsonSerializer.SerializeToNode(variables);
        }

        using var response = await client.PostAsJsonAsync(new Uri("/query", UriKind.Relative), body, TestContext.Current.CancellationToken);
        return GraphQLResponse.Parse(response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public static async Task<GraphQLResponse> PostRawAsync(this HttpClient client, string body)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/query", UriKind.Relative), content, TestContext.Current.CancellationToken);
        return GraphQLResponse.Parse(response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
