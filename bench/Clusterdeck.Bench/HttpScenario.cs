using System.Globalization;

namespace Clusterdeck.Bench;

/// <summary>
/// The frame every HTTP load shares: read the arguments, start a real server on a fresh data directory,
/// run the load at each concurrency level and insist that every answer has the expected status, since
/// numbers for the wrong answers would measure the wrong path. <c>prepare</c> gets the server's dll and data
/// directory and returns what to print and how to make one request.
/// </summary>
internal static class HttpScenario
{
    public static async Task<int> RunAsync(
        BenchArguments options,
        int defaultConcurrency,
        int expectedStatus,
        Func<string, string, Task<(string Description, Func<HttpRequestMessage> NewRequest)>> prepare)
    {
        var seconds = options.Int("--seconds", 10, 1, 300);
        var warmup = options.Int("--warmup", 2, 0, 60);
        var levels = options.IntList("--concurrency", defaultConcurrency, 1, 256);
        var serverDll = ClusterdeckCli.ResolveServerDll(options.String("--server"));
        options.ThrowOnUnknown();

        Console.WriteLine(MachineInfo.Describe());
        Console.WriteLine($"before: {MachineInfo.LoadAverage()}");
        using var data = new TempDirectory();
        await using var server = ServerProcess.Start(serverDll, data.Path, new Dictionary<string, string>(), []);
        using var probe = new HttpClient();
        await server.WaitUntilReadyAsync(probe, TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(60));
        var (description, newRequest) = await prepare(serverDll, data.Path);

        var allExpected = true;
        foreach (var concurrency in levels)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{description}, {concurrency} client(s), {warmup} s warm-up, {seconds} s measured"));
            var result = await HttpLoad.RunAsync(server, concurrency, TimeSpan.FromSeconds(warmup), TimeSpan.FromSeconds(seconds), newRequest);
            Console.WriteLine(result.ToMarkdown());
            if (!result.OnlyStatus(expectedStatus))
            {
                Console.Error.WriteLine($"not every request answered {expectedStatus}: the numbers above do not measure '{description}'");
                Console.Error.WriteLine($"last server output:{Environment.NewLine}{server.OutputTail(10)}");
                allExpected = false;
            }
        }

        Console.WriteLine($"after: {MachineInfo.LoadAverage()}");
        return allExpected ? 0 : 1;
    }
}
