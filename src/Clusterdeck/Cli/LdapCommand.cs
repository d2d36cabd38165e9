using System.CommandLine;
using Clusterdeck.Core.Accounts.Ldap;
using Microsoft.Extensions.Options;

namespace Clusterdeck.Cli;

internal static class LdapCommand
{
    public static Command Create()
    {
        var sync = new Command("sync", "Synchronise users from LDAP now (cc-backend: -sync-ldap)");
        sync.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await CommandHost.CreateAsync(parseResult, cancellationToken);
            if (!host.Services.GetRequiredService<IOptions<LdapOptions>>().Value.Enabled)
            {
                throw new CommandLineException("LDAP is not configured (set Ldap:url and the other Ldap keys)");
            }

            using var scope = host.Services.CreateScope();
            var result = await scope.ServiceProvider.GetRequiredService<LdapUserSync>().SyncAsync(cancellationToken);
            await parseResult.InvocationConfiguration.Output.WriteLineAsync(
                $"LDAP sync: {result.Added} added, {result.Updated} updated, {result.Deleted} deleted, {result.Unchanged} unchanged, " +
                $"{result.Orphaned} kept though gone from the directory (sync_del_old_users is off)" +
                (result.Conflicts.Count > 0 ? $"; left alone because they are local users: {string.Join(", ", result.Conflicts)}" : ""));
            return 0;
        });
        return new Command("ldap", "LDAP directory") { sync };
    }
}
