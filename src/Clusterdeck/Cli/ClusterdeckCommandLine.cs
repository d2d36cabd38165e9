using System.CommandLine;
using System.Data.Common;
using Clusterdeck.Core.Errors;
using Clusterdeck.Hosting;

namespace Clusterdeck.Cli;

/// <summary>The <c>clusterdeck</c> command: parses, runs, and turns failures into messages and exit codes.</summary>
internal static class ClusterdeckCommandLine
{
    public const int ConfigurationError = 78; // EX_CONFIG from sysexits.h, which systemd and scripts recognise

    public static RootCommand CreateRoot()
    {
        var root = new RootCommand("Clusterdeck: job monitoring, scheduling, cluster state and consoles for HPC and GPU clusters.\nWith no command, runs the server.")
        {
            GlobalOptions.Config,
            GlobalOptions.DataDirectory,
            ServeCommand.Urls,
            ServeCommand.Create(),
            InitCommand.Create(),
            DbCommand.Create(),
            UserCommand.Create(),
            TokenCommand.Create(),
            KeygenCommand.Create(),
            LdapCommand.Create(),
            ArchiveCommand.Create(),
            MigrateFromCcCommand.Create(),
            AgentCommand.Create(),
            DemoCommand.Create(),
        };
        root.SetAction(ServeCommand.RunAsync);
        AllowSettingOverrides(root);
        return root;
    }

    public static async Task<int> InvokeAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        IReadOnlyList<string[]> invocations = CcBackendFlags.Applies(args) ? TranslateOrFail(args, error) : [args];
        foreach (var invocation in invocations)
        {
            var exitCode = await InvokeOneAsync(invocation, output ?? Console.Out, error ?? Console.Error);
            if (exitCode != 0)
            {
                return exitCode;
            }
        }

        return 0;
    }

    private static IReadOnlyList<string[]> TranslateOrFail(string[] args, TextWriter? error)
    {
        try
        {
            return CcBackendFlags.Translate(args);
        }
        catch (CommandLineException e)
        {
            (error ?? Console.Error).WriteLine($"clusterdeck: {e.Message}");
            return [["--help"]];
        }
    }

    private static async Task<int> InvokeOneAsync(string[] args, TextWriter output, TextWriter error)
    {
        var parseResult = CreateRoot().Parse(args);
        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            // The server's host handles SIGINT/SIGTERM and shuts down gracefully; commands are short.
            ProcessTerminationTimeout = null,
            EnableDefaultExceptionHandler = false,
        };
        try
        {
            return await parseResult.InvokeAsync(configuration);
        }
        catch (ConfigurationException e)
        {
            await error.WriteLineAsync($"clusterdeck: {e.Message}");
            return ConfigurationError;
        }
        catch (Exception e) when (e is CommandLineException or DomainException)
        {
            await error.WriteLineAsync($"clusterdeck: {e.Message}");
            return e is CommandLineException ? 2 : 1;
        }
        catch (Exception e) when (DatabaseFailure(e) is { } database)
        {
            // EF wraps driver errors ("likely due to a transient failure"); the driver's message says what is wrong.
            await error.WriteLineAsync($"clusterdeck: database error: {database.Message}");
            return 1;
        }
    }

    private static DbException? DatabaseFailure(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is DbException database)
            {
                return database;
            }
        }

        return null;
    }

    /// <summary>Every command accepts <c>--Section:Key=Value</c> settings, checked in <see cref="GlobalOptions.Inputs"/>.</summary>
    private static void AllowSettingOverrides(Command command)
    {
        command.TreatUnmatchedTokensAsErrors = false;
        foreach (var sub in command.Subcommands)
        {
            AllowSettingOverrides(sub);
        }
    }
}
