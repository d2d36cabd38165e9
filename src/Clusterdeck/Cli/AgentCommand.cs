using System.CommandLine;
using System.Runtime.InteropServices;
using Clusterdeck.Core.Configuration;
using Clusterdeck.Core.Metrics.Agent;

namespace Clusterdeck.Cli;

/// <summary>
/// <c>clusterdeck agent</c>: reads this node's metrics and pushes them as line protocol to a server's <c>/api/write</c>
/// every interval, as cc-metric-collector does. Runs until SIGINT/SIGTERM; with <c>--once</c>, pushes one reading and exits
/// (0 when the server took it, 1 when not). Usage errors exit with 2.
/// </summary>
internal static class AgentCommand
{
    public const string TokenVariable = "CLUSTERDECK_TOKEN";

    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    public static Command Create()
    {
        var server = new Option<string?>("--server") { Description = "Base URL of the Clusterdeck server (or any cc-metric-store), e.g. https://monitor.example.org", HelpName = "URL" };
        var token = new Option<string?>("--token") { Description = $"API token; visible to every user in ps, so prefer --token-file or ${TokenVariable}", HelpName = "TOKEN" };
        var tokenFile = new Option<string?>("--token-file") { Description = "File holding the API token", HelpName = "FILE" };
        var cluster = new Option<string?>("--cluster")
        {
            Description = "Cluster of this node (default: the one whose node list names this host on the server, else its only cluster, else 'default')",
            HelpName = "NAME",
        };
        var hostname = new Option<string?>("--hostname") { Description = "Host name in the metrics (default: this machine's name without domain)", HelpName = "NAME" };
        var interval = new Option<string?>("--interval") { Description = "Time between readings, e.g. 60s or 1m (default: 60s, the reference clusters' timestep)", HelpName = "DURATION" };
        var once = new Option<bool>("--once") { Description = "Push one reading (rates over 1 s) and exit: 0 when the server took it, 1 when not" };
        var command = new Command("agent", "Push this node's metrics (load, CPU, memory, network, disk, NVIDIA GPUs) to a Clusterdeck server")
        {
            server, token, tokenFile, cluster, hostname, interval, once,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (parseResult.UnmatchedTokens.Count > 0)
            {
                throw new CommandLineException($"agent: unrecognised argument(s): {string.Join(" ", parseResult.UnmatchedTokens)}");
            }

            var options = new AgentArguments(
                ParseServer(parseResult.GetValue(server)),
                ReadToken(parseResult.GetValue(token), parseResult.GetValue(tokenFile)),
                CheckName("--cluster", parseResult.GetValue(cluster)),
                CheckName("--hostname", parseResult.GetValue(hostname)) ?? Environment.MachineName,
                ParseInterval(parseResult.GetValue(interval)),
                parseResult.GetValue(once));
            return await RunAsync(options, parseResult.InvocationConfiguration.Error, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(AgentArguments arguments, TextWriter error, CancellationToken cancellationToken)
    {
        var timeProvider = TimeProvider.System;
        using var loggerFactory = LoggerFactory.Create(logging => logging
            .SetMinimumLevel(LogLevel.Information)
            .AddProvider(new WriterLoggerProvider(error, LogLevel.Information, timeProvider)));
        var logger = loggerFactory.CreateLogger("Clusterdeck.Agent");

        // The command line leaves signals alone (the server's host handles its own); the agent stops cleanly on both.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        using var client = new HttpClient { Timeout = RequestTimeout };
        try
        {
            var cluster = arguments.Cluster ?? await AskClusterAsync(client, arguments, logger, stopping.Token);
            if (cluster is null)
            {
                await error.WriteLineAsync($"clusterdeck: agent: {arguments.Server} could not be asked which cluster this is (see above); give --cluster or try again");
                return 1;
            }

            var agent = new NodeAgent(
                NodeMetricsReader.Create(NodeFiles.Real, timeProvider, loggerFactory.CreateLogger<NodeMetricsReader>()),
                new HttpMetricsTarget(client, arguments.Server, arguments.Token, cluster),
                new NodeAgentSettings(arguments.Hostname, arguments.Interval),
                timeProvider,
                loggerFactory.CreateLogger<NodeAgent>());
            if (!arguments.Once)
            {
                await agent.RunAsync(stopping.Token);
                return 0;
            }

            if (await agent.RunOnceAsync(stopping.Token))
            {
                return 0;
            }

            await error.WriteLineAsync($"clusterdeck: agent: the metrics did not reach {arguments.Server} (see above)");
            return 1;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return 0;
        }

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true; // no abrupt exit: the loop ends and the command returns
            stopping.Cancel();
        }
    }

    /// <summary>
    /// The server's answer to which cluster this host is in. An unreachable server is asked again (with a growing pause)
    /// unless the agent runs once; null when there is no answer to be had (the reason is logged).
    /// </summary>
    private static async Task<string?> AskClusterAsync(HttpClient client, AgentArguments arguments, ILogger logger, CancellationToken cancellationToken)
    {
        var pause = TimeSpan.FromSeconds(1);
        while (true)
        {
            var answer = await ServerClusterLookup.AskAsync(client, arguments.Server, arguments.Token, arguments.Hostname, cancellationToken);
            if (answer.Cluster is { } cluster)
            {
                if (answer.Problem is { } note)
                {
                    AgentCommandLog.ClusterGuessed(logger, note);
                }
                else
                {
                    AgentCommandLog.ClusterFound(logger, arguments.Hostname, cluster);
                }

                return cluster;
            }

            if (!answer.Retry)
            {
                throw new CommandLineException($"agent: {answer.Problem}; say which cluster with --cluster");
            }

            if (arguments.Once)
            {
                AgentCommandLog.ServerUnreachableOnce(logger, answer.Problem!);
                return null;
            }

            AgentCommandLog.ServerUnreachable(logger, answer.Problem!, pause);
            await Task.Delay(pause, cancellationToken);
            pause = pause * 2 < arguments.Interval ? pause * 2 : arguments.Interval;
        }
    }

    private static Uri ParseServer(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new CommandLineException("agent: --server URL is required (the Clusterdeck server, e.g. https://monitor.example.org)");
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Query.Length > 0)
        {
            throw new CommandLineException($"agent: --server '{text}' is not an http or https URL without a query");
        }

        return uri;
    }

    /// <summary>--token, else --token-file, else $CLUSTERDECK_TOKEN; never echoed in a message.</summary>
    private static string ReadToken(string? token, string? tokenFile)
    {
        if (token is not null && tokenFile is not null)
        {
            throw new CommandLineException("agent: give either --token or --token-file, not both");
        }

        if (tokenFile is not null)
        {
            try
            {
                token = File.ReadAllText(tokenFile).Trim();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CommandLineException($"agent: --token-file '{tokenFile}' cannot be read: {e.Message}");
            }

            return token.Length > 0 ? token : throw new CommandLineException($"agent: --token-file '{tokenFile}' is empty");
        }

        token ??= Environment.GetEnvironmentVariable(TokenVariable);
        return string.IsNullOrWhiteSpace(token)
            ? throw new CommandLineException($"agent: no API token: give --token-file FILE, set {TokenVariable}, or give --token")
            : token.Trim();
    }

    private static string? CheckName(string option, string? value)
    {
        if (value is not null && value.Length == 0)
        {
            throw new CommandLineException($"agent: {option} must not be empty");
        }

        return AgentNames.Problem(value) is { } problem ? throw new CommandLineException($"agent: {option} {problem}") : value;
    }

    private static TimeSpan ParseInterval(string? text)
    {
        if (text is null)
        {
            return AgentOptions.DefaultInterval;
        }

        return DurationText.TryParse(text, out var interval) && interval >= TimeSpan.FromSeconds(1)
            ? interval
            : throw new CommandLineException($"agent: --interval '{text}' is not a duration of at least 1s (examples: 10s, 60s, 1m)");
    }

    private sealed record AgentArguments(Uri Server, string Token, string? Cluster, string Hostname, TimeSpan Interval, bool Once);
}
