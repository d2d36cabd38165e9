using Clusterdeck.Core.Accounts;
using Clusterdeck.Tests.Infrastructure;

namespace Clusterdeck.Tests.Cli;

public sealed class CommandLineTests : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("clusterdeck-cli-");

    public void Dispose() => _data.Delete(recursive: true);

    private Task<CommandResult> RunAsync(params string[] args) => CommandResult.RunAsync([.. args, "--data-dir", _data.FullName]);

    [Fact]
    public async Task UserCommands_AddListSetRolesDelete_OnFreshDataDirectory()
    {
        var add = await RunAsync("user", "add", "kim", "--roles", "user,manager", "--password", "pw-kim", "--name", "Kim Lee", "--email", "kim@example.org", "--projects", "p2,p1");
        Assert.True(add.ExitCode == 0, add.Error);

        var list = await RunAsync("user", "list");
        Assert.Matches(@"kim\s+Kim Lee\s+kim@example.org\s+user,manager\s+p1,p2\s+local", list.Output);

        Assert.Equal(0, (await RunAsync("user", "set-roles", "kim", "support")).ExitCode);
        Assert.Matches(@"kim\s+Kim Lee\s+kim@example.org\s+support\s", (await RunAsync("user", "list")).Output);

        Assert.Equal(0, (await RunAsync("user", "delete", "kim")).ExitCode);
        Assert.DoesNotContain("kim", (await RunAsync("user", "list")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserAdd_UnknownRole_FailsNamingIt()
    {
        var result = await RunAsync("user", "add", "lou", "--roles", "user,root", "--password", "pw");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'root'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserDelete_Unknown_FailsWithReason()
    {
        var result = await RunAsync("user", "delete", "ghost");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("does not exist", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CcBackendAddUser_ThenJwt_PrintsTokenForTheNewUser()
    {
        var result = await CommandResult.RunAsync("-add-user", "demo:admin,api:demo", "-jwt", "demo", $"--data-dir={_data.FullName}");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Matches(@"^eyJ[\w-]+\.[\w-]+\.[\w-]+$", result.Output.Trim().Split('\n').Last());
    }

    [Fact]
    public async Task UserList_DatabaseUnreachable_PrintsOneLineReason()
    {
        var result = await RunAsync("user", "list", "--Database:Provider=postgres", "--Database:ConnectionString=Host=127.0.0.1;Port=1;Database=none;Timeout=2");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("clusterdeck: database error:", result.Error, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:1", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keygen_PrintsKeysInCcBackendFormat()
    {
        var result = await CommandResult.RunAsync("keygen");
        var lines = result.Output.Trim().Split('\n');
        Assert.Equal(32, Convert.FromBase64String(lines.Single(l => l.StartsWith("JWT_PUBLIC_KEY=", StringComparison.Ordinal))["JWT_PUBLIC_KEY=".Length..]).Length);
        Assert.Equal(64, Convert.FromBase64String(lines.Single(l => l.StartsWith("JWT_PRIVATE_KEY=", StringComparison.Ordinal))["JWT_PRIVATE_KEY=".Length..]).Length);
    }

    [Fact]
    public async Task UnknownArgument_IsAUsageError()
    {
        var result = await RunAsync("user", "list", "--bogus");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--bogus", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task FirstServerStart_CreatesAdminWithPrivatePasswordFile()
    {
        await using var server = await ClusterdeckServer.StartAsync(dataDirectory: _data.FullName);
        var file = Path.Combine(_data.FullName, InitialAdminSeeder.PasswordFileName);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_data.FullName, "jwt-keypair")));
        Assert.Matches(@"\badmin\s.*\badmin\b", (await RunAsync("user", "list")).Output);
        Assert.Equal(20, server.InitialAdminPassword.Length);
    }
}
