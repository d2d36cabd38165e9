using System.Globalization;
using Clusterdeck.Core.Accounts;

namespace Clusterdeck.Bench;

/// <summary>
/// <c>POST /login</c> with the correct password of the initial admin. Every request must end in the 302 of a
/// successful login: a wrong password would count towards the throttle and then measure the 429 path instead.
/// </summary>
internal static class LoginLoad
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
        var password = (await File.ReadAllTextAsync(Path.Combine(data.Path, InitialAdminSeeder.PasswordFileName))).Trim();

        var allSucceeded = true;
        foreach (var concurrency in levels)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"POST /login as {InitialAdminSeeder.Username}, {concurrency} client(s), {warmup} s warm-up, {seconds} s measured"));
            var result = await HttpLoad.RunAsync(server, concurrency, TimeSpan.FromSeconds(warmup), TimeSpan.FromSeconds(seconds), () =>
                new HttpRequestMessage(HttpMethod.Post, "login")
                {
                    Content = new FormUrlEncodedContent([new("username", InitialAdminSeeder.Username), new("password", password)]),
                });
            Console.WriteLine(result.ToMarkdown());
            if (!result.OnlyStatus(302))
            {
                Console.Error.WriteLine("not every login answered 302: the numbers above do not measure successful logins");
                Console.Error.WriteLine($"last server output:{Environment.NewLine}{server.OutputTail(10)}");
                allSucceeded = false;
            }
        }

        Console.WriteLine($"after: {MachineInfo.LoadAverage()}");
        return allSucceeded ? 0 : 1;
    }
}
