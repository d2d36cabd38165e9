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
            var token = await ClusterdeckCli.AdminTokenAsync(serverDll, dataDirectory, []);
            return ("GET /api/users/ with an admin token", () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Get, "api/users/");
                request.Headers.Add("X-Auth-Token", token);
                return request;
            }
            );
        });
}
