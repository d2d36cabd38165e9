using Clusterdeck.Core.Accounts;

namespace Clusterdeck.Bench;

/// <summary>
/// <c>GET /api/users/</c> with the initial admin's API token in <c>X-Auth-Token</c>: JWT validation, the
/// cc-backend access filter and one user query per request. Every answer must be 200.
/// </summary>
internal static class ApiLoad
{
    public static Task<int> RunAsync(BenchArguments options) =>
        HttpScenario.RunAsync(options, defaultConcurrency: 4, expectedStatus: 200, async (serverDll, dataDirectory) =>
        {
            var output = await ClusterdeckCli.RunAsync(serverDll, "token", InitialAdminSeeder.Username, "--data-dir", dataDirectory);
            var token = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault()
                ?? throw new BenchmarkFailedException("'clusterdeck token' printed nothing");
            return ("GET /api/users/ with an admin token", () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Get, "api/users/");
                request.Headers.Add("X-Auth-Token", token);
                return request;
            }
            );
        });
}
