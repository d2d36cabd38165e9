using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Clusterdeck.Core.Accounts.Ldap;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Clusterdeck.Tests.Ldap;

/// <summary>
/// Against a "server" that completes the TCP handshake (the kernel does, from the listen backlog) but
/// never answers a request: the hung-directory case that libldap's synchronous bind does not time out by itself.
/// </summary>
public sealed class LdapDirectoryTimeoutTests : IDisposable
{
    private readonly TcpListener _silentServer = new(IPAddress.Loopback, 0);

    public LdapDirectoryTimeoutTests() => _silentServer.Start();

    public void Dispose() => _silentServer.Dispose();

    [Fact]
    public async Task VerifyPasswordAsync_ServerNeverAnswers_ThrowsAfterOperationTimeout()
    {
        var directory = CreateDirectory();
        var stopwatch = Stopwatch.StartNew();

        var failure = await Assert.ThrowsAsync<LdapDirectoryException>(
            () => directory.VerifyPasswordAsync("alice", "alice-password", TestContext.Current.CancellationToken));

        // Failing much earlier would mean a failure other than the timeout, such as an interrupted poll.
        Assert.True(stopwatch.Elapsed > LdapDirectory.OperationTimeout * 0.8, $"failed after {stopwatch.Elapsed}: {failure}");
        Assert.True(stopwatch.Elapsed < LdapDirectory.OperationTimeout * 2, $"failed only after {stopwatch.Elapsed}");
        Assert.Contains(Url, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindUserAsync_ServerNeverAnswersAndCallerCancels_ReturnsAtOnce()
    {
        var directory = CreateDirectory();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancellation.CancelAfter(TimeSpan.FromMilliseconds(200));
        var stopwatch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => directory.FindUserAsync("alice", cancellation.Token));

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(3), $"cancellation took {stopwatch.Elapsed}");
    }

    private string Url => $"ldap://127.0.0.1:{((IPEndPoint)_silentServer.LocalEndpoint).Port}";

    private LdapDirectory CreateDirectory()
    {
        var options = new LdapOptions
        {
            Url = Url,
            UserBase = "ou=people,dc=example,dc=org",
            SearchDn = "cn=admin,dc=example,dc=org",
            UserBind = "uid={username},ou=people,dc=example,dc=org",
        };
        return new LdapDirectory(Options.Create(options), () => "admin-password", NullLogger<LdapDirectory>.Instance);
    }
}
