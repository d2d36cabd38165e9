using System.CommandLine;
using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Authentication;
using Clusterdeck.Core.Configuration;

namespace Clusterdeck.Cli;

internal static class TokenCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("NAME") { Description = "User the token is for; it carries the user's current roles" };
        var ttl = new Option<string?>("--ttl") { Description = "Lifetime, e.g. 24h or 90d as 2160h (default: Auth:TokenLifetime)", HelpName = "DURATION" };
        var command = new Command("token", "Print a signed JWT for a user") { name, ttl };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            TimeSpan? lifetime = null;
            if (parseResult.GetValue(ttl) is { } text)
            {
                lifetime = DurationText.TryParse(text, out var value) ? value : throw new CommandLineException($"--ttl '{text}' is not a duration (examples: 24h, 90m, 2000h)");
            }

            using var host = await CommandHost.CreateAsync(parseResult, cancellationToken);
            var token = await host.Services.GetRequiredService<AccessTokenService>().IssueAsync(Caller.Console, parseResult.GetValue(name)!, lifetime, cancellationToken);
            await parseResult.InvocationConfiguration.Output.WriteLineAsync(token);
            return 0;
        });
        return command;
    }
}
