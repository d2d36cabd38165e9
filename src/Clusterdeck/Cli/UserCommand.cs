using System.CommandLine;
using Clusterdeck.Core.Accounts;

namespace Clusterdeck.Cli;

internal static class UserCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("NAME") { Description = "Username" };
        var roles = new Option<string>("--roles") { Description = "Comma-separated roles: api, user, manager, support, admin", Required = true, HelpName = "r1,r2" };
        var password = new Option<string?>("--password") { Description = "Password (not needed for users whose only role is api)", HelpName = "P" };
        var fullName = new Option<string?>("--name") { Description = "Full name", HelpName = "N" };
        var email = new Option<string?>("--email") { Description = "Email address", HelpName = "E" };
        var projects = new Option<string?>("--projects") { Description = "Comma-separated projects a manager manages", HelpName = "p1,p2" };

        var add = new Command("add", "Create a local user") { name, roles, password, fullName, email, projects };
        add.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await CommandHost.CreateAsync(parseResult, cancellationToken);
            var user = await host.Services.GetRequiredService<UserService>().CreateAsync(Caller.Console, new NewUser
            {
                Username = parseResult.GetValue(name)!,
                Roles = ParseRoles(parseResult.GetValue(roles)),
                Password = parseResult.GetValue(password),
                Name = parseResult.GetValue(fullName),
                Email = parseResult.GetValue(email),
                Projects = SplitList(parseResult.GetValue(projects)),
            }, cancellationToken);
            await parseResult.InvocationConfiguration.Output.WriteLineAsync($"Created user {user.Username} with roles {string.Join(",", user.Roles.Select(r => r.ToName()))}.");
            return 0;
        });

        var list = new Command("list", "List users");
        list.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await CommandHost.CreateAsync(parseResult, cancellationToken);
            var users = await host.Services.GetRequiredService<UserService>().ListAsync(Caller.Console, false, cancellationToken);
            var rows = users.Select(u => new[]
            {
                u.Username, u.Name ?? "", u.Email ?? "", string.Join(",", u.Roles.Select(r => r.ToName())), string.Join(",", u.Projects),
                u.AuthSource.ToString().ToLowerInvariant(),
            });
            TextTable.Write(parseResult.InvocationConfiguration.Output, ["USERNAME", "NAME", "EMAIL", "ROLES", "PROJECTS", "SOURCE"], rows);
            return 0;
        });

        var deleteName = new Argument<string>("NAME") { Description = "Username" };
        var delete = new Command("delete", "Delete a user") { deleteName };
        delete.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await CommandHost.CreateAsync(parseResult, cancellationToken);
            var username = parseResult.GetValue(deleteName)!;
            await host.Services.GetRequiredService<UserService>().DeleteAsync(Caller.Console, username, cancellationToken);
            await parseResult.InvocationConfiguration.Output.WriteLineAsync($"Deleted user {username}.");
            return 0;
        });

        var setName = new Argument<string>("NAME") { Description = "Username" };
        var setRoles = new Argument<string>("ROLES") { Description = "Comma-separated roles, replacing the current ones" };
        var set = new Command("set-roles", "Replace a user's roles") { setName, setRoles };
        set.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await CommandHost.CreateAsync(parseResult, cancellationToken);
            var user = await host.Services.GetRequiredService<UserService>().UpdateAsync(Caller.Console, parseResult.GetValue(setName)!,
                new UserChanges { Roles = ParseRoles(parseResult.GetValue(setRoles)) }, cancellationToken);
            await parseResult.InvocationConfiguration.Output.WriteLineAsync($"User {user.Username} now has roles {string.Join(",", user.Roles.Select(r => r.ToName()))}.");
            return 0;
        });

        return new Command("user", "Manage users") { add, list, delete, set };
    }

    private static IReadOnlyList<Role> ParseRoles(string? text) =>
        RoleNames.TryParseAll(SplitList(text), out var roles, out var error) ? roles : throw new CommandLineException(error);

    private static string[] SplitList(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
