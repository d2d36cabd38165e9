using Clusterdeck.Core.Accounts;

namespace Clusterdeck.Bench;

/// <summary>
/// <c>POST /login</c> with the correct password of the initial admin. Every request must end in the 302 of a
/// successful login: a wrong password would count towards the throttle and then measure the 429 path instead.
/// </summary>
internal static class LoginLoad
{
    public static Task<int> RunAsync(BenchArguments options) =>
        HttpScenario.RunAsync(options, defaultConcurrency: 4, expectedStatus: 302, async (_, dataDirectory) =>
        {
            var password = (await File.ReadAllTextAsync(Path.Combine(dataDirectory, InitialAdminSeeder.PasswordFileName))).Trim();
            return ($"POST /login as {InitialAdminSeeder.Username}", () => new HttpRequestMessage(HttpMethod.Post, "login")
            {
                Content = new FormUrlEncodedContent([new("username", InitialAdminSeeder.Username), new("password", password)]),
            });
        });
}
