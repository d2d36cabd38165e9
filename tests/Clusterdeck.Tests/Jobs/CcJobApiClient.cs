using System.Net;
using System.Text;
using System.Text.Json;

namespace Clusterdeck.Tests.Jobs;

/// <summary>Sends raw JSON to cc-backend's job routes the way adapters do, and reads answers as JSON.</summary>
public sealed class CcJobApiClient(HttpClient client)
{
    public HttpClient Http => client;

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public Task<HttpResponseMessage> PostAsync(string path, string json) => SendAsync(HttpMethod.Post, path, json);

    public static async Task<JsonElement> ExpectAsync(HttpStatusCode status, HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 || body[0] is not ('{' or '[') ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Asserts cc-backend's error body: <c>{"status": reason phrase, "error": message}</c>.</summary>
    public static async Task<string> ExpectErrorAsync(HttpStatusCode status, HttpResponseMessage response)
    {
        var body = await ExpectAsync(status, response);
        Assert.Equal(2, body.EnumerateObject().Count());
        Assert.Equal(Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase((int)status), body.GetProperty("status").GetString());
        var error = body.GetProperty("error").GetString();
        Assert.False(string.IsNullOrEmpty(error));
        return error!;
    }

    public async Task<JsonElement[]> ListAsync(string query = "")
    {
        var list = await ExpectAsync(HttpStatusCode.OK, await SendAsync(HttpMethod.Get, "/api/jobs/" + query));
        return [.. list.GetProperty("jobs").EnumerateArray()];
    }

    public static string StartBody(long jobId, long startTime, string host = "host123", string extra = "") => $$"""
        {
          "jobId": {{jobId}},
          "user": "testuser",
          "project": "testproj",
          "cluster": "testcluster",
          "partition": "default",
          "walltime": 3600,
          "numNodes": 1,
          "numHwthreads": 8,
          "numAcc": 0,
          "smt": 1,
          "resources": [ { "hostname": "{{host}}", "hwthreads": [0, 1, 2, 3, 4, 5, 6, 7] } ],
          "metaData": { "jobScript": "blablabla...", "jobName": "job-{{jobId}}" },
          {{extra}}
          "startTime": {{startTime}}
        }
        """;
}
