using System.CommandLine;
using Clusterdeck.Hosting;

namespace Clusterdeck.Cli;

internal static class ServeCommand
{
    public static readonly Option<string?> Urls = new("--urls")
    {
        Description = "Addresses to listen on, separated by ';' (default: http://localhost:8080); same as --Server:Urls=...",
        HelpName = "URLS",
    };

    public static Command Create()
    {
        var command = new Command("serve", "Run the Clusterdeck server (the default command)") { Urls };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(RunAsync);
        return command;
    }

    public static async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var configuration = ClusterdeckConfiguration.Build(GlobalOptions.Inputs(parseResult, parseResult.GetValue(Urls)));
        await using var app = ServerApplication.Build(configuration);
        await app.Services.GetRequiredService<StartupTasks>().PrepareServerAsync(cancellationToken);
        // The host handles SIGINT/SIGTERM itself and shuts down gracefully.
        await app.RunAsync();
        return 0;
    }
}
