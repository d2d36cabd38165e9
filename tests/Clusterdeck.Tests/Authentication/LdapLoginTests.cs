using System.Net;
using Clusterdeck.Core.Accounts.Ldap;
using Clusterdeck.Tests.Infrastructure;

namespace Clusterdeck.Tests.Authentication;

/// <summary>Login and sync through a real slapd, over the real host.</summary>
[Collection(LdapCollection.Name)]
public sealed class LdapLoginTests(SlapdServer slapd) : IAsyncLifetime
{
    private ClusterdeckServer _server = null!;

    public async ValueTask InitializeAsync()
    {
        slapd.SkipIfUnavailable();
        // The service account's password comes from the environment, as in cc-backend.
        Environment.SetEnvironmentVariable(LdapOptions.PasswordVariable, SlapdServer.AdminPassword);
        _server = await ClusterdeckServer.StartAsync(
        [
            $"Ldap:url={slapd.Url}",
            $"Ldap:user_base={SlapdServer.UserBase}",
            $"Ldap:search_dn={SlapdServer.AdminDn}",
            $"Ldap:user_bind={SlapdServer.UserBindTemplate}",
            "Ldap:user_filter=(objectClass=posixAccount)",
            "Ldap:sync-user-on-login=true",
        ]);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Login_DirectoryUserUnknownToDatabase_IsAddedAndLoggedIn()
    {
        using var client = _server.CreateClient();

        var response = await LoginTests.LoginAsync(client, SlapdServer.Alice.Uid, SlapdServer.Alice.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Matches(@"alice\s+Alice Anderson\s+user\s+ldap", (await _server.RunCommandAsync("user", "list")).Output);
    }

    [Fact]
    public async Task Login_WrongDirectoryPassword_IsRefusedAndAddsNobody()
    {
        using var client = _server.CreateClient();

        var response = await LoginTests.LoginAsync(client, SlapdServer.Bob.Uid, "not bob's password");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("bob", (await _server.RunCommandAsync("user", "list")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_SyncedDirectoryUser_BindsAgainstDirectory()
    {
        await slapd.AddUserAsync("carla", "carla-password", "Carla Cruz", TestContext.Current.CancellationToken);
        try
        {
            var sync = await _server.RunCommandAsync("ldap", "sync");
            Assert.True(sync.ExitCode == 0, sync.Error);
            Assert.Contains("added", sync.Output, StringComparison.Ordinal);
            Assert.Matches(@"carla\s+Carla Cruz\s+user\s+ldap", (await _server.RunCommandAsync("user", "list")).Output);

            using var client = _server.CreateClient();
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginTests.LoginAsync(client, "carla", "wrong")).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await LoginTests.LoginAsync(client, "carla", "carla-password")).StatusCode);
        }
        finally
        {
            await slapd.DeleteUserAsync("carla", TestContext.Current.CancellationToken);
        }
    }
}
