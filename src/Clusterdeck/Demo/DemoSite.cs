using System.Security.Cryptography;
using System.Text.Json;
using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Demo;
using Clusterdeck.Core.Errors;
using Clusterdeck.Core.Storage;

namespace Clusterdeck.Demo;

/// <summary>
/// What the demo keeps in its data directory besides the server's own files: a marker saying whether the synthetic
/// archive is complete (<see cref="StateFileName"/>), the demo password (<see cref="PasswordFileName"/>, mode 0600),
/// and the demo's accounts in the user table.
/// </summary>
internal sealed class DemoSite(string dataDirectory)
{
    public const string StateFileName = "demo-state.json";
    public const string PasswordFileName = "demo-password";

    /// <summary>The admin account the demo prints a login for.</summary>
    public const string LoginUser = "demo";

    /// <summary>The API-only account whose token reports the live jobs.</summary>
    public const string BatchUser = "demo-batch";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public string DataDirectory { get; } = Path.GetFullPath(dataDirectory);

    public string StateFile => Path.Combine(DataDirectory, StateFileName);

    public string PasswordFile => Path.Combine(DataDirectory, PasswordFileName);

    /// <summary>The marker, or null when the archive was never generated here (or the marker cannot be read).</summary>
    public DemoState? ReadState()
    {
        try
        {
            return JsonSerializer.Deserialize<DemoState>(File.ReadAllText(StateFile), Json);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or JsonException)
        {
            return null;
        }
    }

    public void WriteState(DemoState state)
    {
        Directory.CreateDirectory(DataDirectory);
        var temporary = StateFile + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(state, Json) + "\n");
        File.Move(temporary, StateFile, overwrite: true);
    }

    /// <summary>
    /// Creates the demo's accounts that do not exist yet: <see cref="LoginUser"/> (admin), <see cref="DemoPeople.Manager"/>,
    /// every <see cref="DemoPeople.Users"/> entry (role user, with their projects) and <see cref="BatchUser"/> (api). All
    /// who can log in share the demo password, which is made once and kept in <see cref="PasswordFile"/>; when that file
    /// is gone, a new password is made and set on the accounts whose login is printed. Returns the password.
    /// </summary>
    public async Task<string> EnsureAccountsAsync(UserService users, CancellationToken cancellationToken)
    {
        var (password, isNew) = ReadOrCreatePassword();
        var accounts = new List<NewUser>
        {
            new() { Username = LoginUser, Name = "Demo administrator", Roles = [Role.Admin, Role.Api], Password = password },
            new() { Username = DemoPeople.Manager, Name = "Demo manager", Roles = [Role.User, Role.Manager], Projects = DemoPeople.ManagedProjects, Password = password },
            new() { Username = BatchUser, Name = "Demo batch system", Roles = [Role.Api] },
        };
        accounts.AddRange(DemoPeople.Users.Select(u => new NewUser
        {
            Username = u.Username,
            Name = u.Name,
            Email = $"{u.Username}@demo.example.org",
            Roles = [Role.User],
            Projects = u.Projects,
            Password = password,
        }));

        // bcrypt makes each new account cost ~50 ms of CPU: one per core at a time.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(accounts, parallel, async (account, token) =>
        {
            var existing = await users.FindProfileAsync(Caller.Console, account.Username, token);
            if (existing is null)
            {
                try
                {
                    await users.CreateAsync(Caller.Console, account, token);
                }
                catch (ConflictException)
                {
                    // Created meanwhile by another demo on the same directory: same account, same password.
                }
            }
            else if (isNew && account.Password is not null && LoginNames.Contains(account.Username))
            {
                await users.UpdateAsync(Caller.Console, account.Username, new UserChanges { Password = password }, token);
            }
        });

        return password;
    }

    /// <summary>The accounts whose login the demo prints.</summary>
    public static IReadOnlyList<string> LoginNames { get; } = [LoginUser, DemoPeople.Manager, "alice", "bob"];

    private (string Password, bool IsNew) ReadOrCreatePassword()
    {
        if (File.Exists(PasswordFile))
        {
            var existing = File.ReadAllText(PasswordFile).Trim();
            if (existing.Length > 0)
            {
                return (existing, false);
            }
        }

        var password = RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789", 16);
        SecretFile.Write(PasswordFile, password + "\n", overwrite: true);
        return (password, true);
    }
}
