using System.Globalization;
using Clusterdeck.Core.Accounts;

namespace Clusterdeck.Bench;

/// <summary>
/// <c>GET /api/users/</c> with the initial admin's API token in <c>X-Auth-Token</c>: JWT validation, the
/// cc-backend access filter and one user query per request. Every answer must be 200.
/// </summary>
internal static class ApiLoad
{
    public static async Task<int> RunAsync(BenchArguments options)
    {
        var seconds = options.Int("--seconds", 10, 1, 300);
        var warmup = options.Int("--warmup", 2, 0, 60);
        var levels = options.IntList("--concurrency", 4, 1, 256);
        var serverDll = ClusterdeckCli.ResolveServerDll(options.String("--server"));
        options.ThrowOnUnknown();

        Console.WriteLine(MachineInfo.Describe());
        Console.WriteLine($"before: {MachineInfo.LoadAverage()}");
        using var data = new TempDirectory();
        await using var server = ServerProcess.Start(serverDll, data.Path, new Dictionary<string, string>(), []);
        using var probe = new HttpClient();
        await server.WaitUntilReadyAsync(probe, TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(60));
        var output = await ClusterdeckCli.RunAsync(serverDll, "token", InitialAdminSeeder.Username, "--data-dir", data.Path);
        var token = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault()
            ?? throw new BenchmarkFailedException("'clusterdeck token' printed nothing");

        var allOk = true;
        foreach (var concurrency in levels)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"GET /api/users/ with an admin token, {concurrency} client(s), {warmup} s warm-up, {seconds} s measured"));
            var result = await HttpLoad.RunAsync(server, concurrency, TimeSpan.FromSeconds(warmup), TimeSpan.FromSeconds(seconds), () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Get, "api/users/");
                request.Headers.Add("X-Auth-Token", token);
                return request;
            });
            Console.WriteLine(result.ToMarkdown());
            if (!result.OnlyStatus(200))
            {
                Console.Error.WriteLine("not every request answered 200: the numbers above do not measure the API");
                Console.Error.WriteLine($"last server output:{Environment.NewLine}{server.OutputTail(10)}");
                allOk = false;
            }
        }

        Console.WriteLine($"after: {MachineInfo.LoadAverage()}");
        return allOk ? 0 : 1;
    }
}
