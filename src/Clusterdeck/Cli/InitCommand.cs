using System.CommandLine;
using Clusterdeck.Hosting;

namespace Clusterdeck.Cli;

internal static class InitCommand
{
    // Comments are allowed: .NET's JSON configuration reader skips them.
    private const string Template = """
        // Clusterdeck configuration. Every value shown is the default; delete what you do not change.
        // Environment variables override this file (CLUSTERDECK__Section__Key), and the command line
        // overrides both (--Section:Key=Value). Reference: docs/configuration.md.
        {
          "Server": {
            // Addresses to listen on, separated by ';'.
            "Urls": "http://localhost:8080"
          },
          "Storage": {
            // SQLite database, generated JWT keys and the initial admin password live here.
            "DataDirectory": "@DATADIR@"
          },
          "Database": {
            // "sqlite" (a file in the data directory) or "postgres" (set ConnectionString).
            "Provider": "sqlite",
            // "ConnectionString": "Host=db.example.org;Database=clusterdeck;Username=clusterdeck;Password=...",
            "BusyTimeout": "00:00:05",
            "MigrateOnStart": true
          },
          "Auth": {
            // Durations in Go syntax as in cc-backend (90s, 15m, 2000h) or d.hh:mm:ss.
            "TokenLifetime": "720h",
            // Take token roles from the database and refuse tokens of unknown users (cc-backend: validateUser).
            "ValidateTokenUser": false,
            "SessionLifetime": "168h",
            "MaxFailedLogins": 5,
            "FailedLoginWindow": "15m"
          },
          "Ldap": {
            // Same keys as cc-backend's "ldap" section; the service password comes from LDAP_ADMIN_PASSWORD.
            // "url": "ldap://ldap.example.org",
            // "user_base": "ou=people,dc=example,dc=org",
            // "search_dn": "cn=admin,dc=example,dc=org",
            // "user_bind": "uid={username},ou=people,dc=example,dc=org",
            // "user_filter": "(&(objectclass=posixAccount))",
            // "username_attr": "gecos",
            // "sync_interval": "24h",
            // "sync_del_old_users": false,
            // "sync-user-on-login": false
          }
        }

        """;

    public static Command Create()
    {
        var force = new Option<bool>("--force") { Description = "Overwrite an existing configuration file" };
        var command = new Command("init", "Write a commented default configuration file and create the data directory") { force };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var file = Path.GetFullPath(parseResult.GetValue(GlobalOptions.Config) ?? ClusterdeckConfiguration.DefaultFileName);
            var dataDirectory = parseResult.GetValue(GlobalOptions.DataDirectory) ?? "./var";
            var output = parseResult.InvocationConfiguration.Output;
            if (File.Exists(file) && !parseResult.GetValue(force))
            {
                throw new CommandLineException($"{file} already exists; use --force to overwrite it");
            }

            await File.WriteAllTextAsync(file, Template.Replace("@DATADIR@", dataDirectory.Replace("\\", "\\\\", StringComparison.Ordinal), StringComparison.Ordinal), cancellationToken);
            Directory.CreateDirectory(dataDirectory);
            await output.WriteLineAsync($"Wrote {file}");
            await output.WriteLineAsync($"Created data directory {Path.GetFullPath(dataDirectory)}");
            await output.WriteLineAsync("Start the server with: clusterdeck serve" + (parseResult.GetValue(GlobalOptions.Config) is { } c ? $" --config {c}" : ""));
            return 0;
        });
        return command;
    }
}
