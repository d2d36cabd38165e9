using Clusterdeck.Hosting;

namespace Clusterdeck.Cli;

/// <summary>
/// Accepts cc-backend's command-line flags, so its scripts and unit files keep working: each call is
/// translated into Clusterdeck commands, run in cc-backend's order (migrate and exit; else add and
/// delete users, print tokens, then serve).
/// </summary>
internal static class CcBackendFlags
{
    private static readonly HashSet<string> Known = ["server", "config", "migrate-db", "add-user", "del-user", "jwt", "sync-ldap", "init-db", "import-job"];

    /// <summary>
    /// True when the arguments are cc-backend flags rather than Clusterdeck commands: they start with a
    /// flag, and one of them is a flag only cc-backend has (<c>-config</c> with one dash counts; <c>--config</c> is ours too).
    /// </summary>
    public static bool Applies(IReadOnlyList<string> args) =>
        args.Count > 0 && args[0].StartsWith('-')
        && args.Any(arg => TryName(arg, out var name) && Known.Contains(name)
            && (name != "config" || !arg.StartsWith("--", StringComparison.Ordinal)));

    /// <summary>The Clusterdeck invocations the cc-backend flags stand for, in the order to run them.</summary>
    public static IReadOnlyList<string[]> Translate(IReadOnlyList<string> args)
    {
        string? config = null;
        bool serve = false, migrate = false, syncLdap = false, initDb = false;
        var importJobs = new List<string>();
        var addUsers = new List<string>();
        var deleteUsers = new List<string>();
        var tokens = new List<string>();
        var passThrough = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            // Clusterdeck's own global options may be mixed in; they apply to every invocation.
            if (args[i].StartsWith("--data-dir", StringComparison.Ordinal) || ClusterdeckConfiguration.IsOverride(args[i]))
            {
                passThrough.Add(args[i]);
                if (args[i] == "--data-dir" && i + 1 < args.Count)
                {
                    passThrough.Add(args[++i]);
                }

                continue;
            }

            if (!TryName(args[i], out var name))
            {
                throw new CommandLineException($"unexpected argument '{args[i]}' among cc-backend flags");
            }

            var inline = args[i].Contains('=', StringComparison.Ordinal) ? args[i][(args[i].IndexOf('=', StringComparison.Ordinal) + 1)..] : null;
            string Value() => inline ?? (i + 1 < args.Count ? args[++i] : throw new CommandLineException($"flag -{name} needs a value"));
            switch (name)
            {
                case "config": config = Value(); break;
                case "server": serve = true; break;
                case "migrate-db": migrate = true; break;
                case "sync-ldap": syncLdap = true; break;
                case "add-user": addUsers.Add(Value()); break;
                case "del-user": deleteUsers.AddRange(Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)); break;
                case "jwt": tokens.Add(Value()); break;
                case "init-db": initDb = true; break;
                case "import-job": importJobs.Add(Value()); break;
                default: throw new CommandLineException($"cc-backend flag -{name} is not supported by Clusterdeck; see 'clusterdeck --help'");
            }
        }

        string[] Global(params string[] command) => config is null ? [.. command, .. passThrough] : [.. command, "--config", config, .. passThrough];

        if (migrate)
        {
            return [Global("db", "migrate")];
        }

        var invocations = new List<string[]>();
        foreach (var spec in addUsers)
        {
            // cc-backend's format: <username>:[admin,support,manager,api,user]:<password>
            var parts = spec.Split(':', 3);
            if (parts.Length != 3)
            {
                throw new CommandLineException($"-add-user '{spec}' must have the form username:role1,role2:password");
            }

            invocations.Add(parts[2].Length == 0
                ? Global("user", "add", parts[0], "--roles", parts[1])
                : Global("user", "add", parts[0], "--roles", parts[1], "--password", parts[2]));
        }

        invocations.AddRange(deleteUsers.Select(user => Global("user", "delete", user)));
        // cc-backend rebuilds the job table, then imports single jobs, before it handles LDAP and tokens.
        if (initDb)
        {
            invocations.Add(Global("archive", "import"));
        }

        invocations.AddRange(importJobs.Select(spec => Global("archive", "import-job", spec)));
        if (syncLdap)
        {
            invocations.Add(Global("ldap", "sync"));
        }

        invocations.AddRange(tokens.Select(user => Global("token", user)));
        if (serve)
        {
            invocations.Add(Global("serve"));
        }

        return invocations;
    }

    /// <summary>Go's flag package takes -name, --name, -name=value and --name=value.</summary>
    private static bool TryName(string arg, out string name)
    {
        name = arg.TrimStart('-');
        var equals = name.IndexOf('=', StringComparison.Ordinal);
        if (equals >= 0)
        {
            name = name[..equals];
        }

        return arg.StartsWith('-') && name.Length > 0;
    }
}
