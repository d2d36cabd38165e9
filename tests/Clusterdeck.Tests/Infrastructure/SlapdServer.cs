using System.Diagnostics;
using System.Globalization;
using System.Text;
using Clusterdeck.Core.Accounts.Ldap;

namespace Clusterdeck.Tests.Infrastructure;

/// <summary>
/// A throwaway OpenLDAP server from Debian's <c>slapd</c>: an mdb database for <see cref="BaseDn"/> in a
/// temp directory, the core, cosine, inetorgperson and nis schemas, listening on 127.0.0.1 at a random
/// port, seeded with <see cref="SeededUsers"/> under <see cref="UserBase"/>. User entries are
/// <c>inetOrgPerson</c> + <c>posixAccount</c> with plain-text passwords; passwords are readable by no
/// one but usable for binds, as in a real directory. Share one per test collection
/// (<see cref="LdapCollection"/>); tests that add users give them unique uids. Like many production
/// directories, it answers a bind with a DN and an empty password as an anonymous bind.
/// </summary>
/// <remarks>
/// Changes after start go through <c>ldapadd</c>/<c>ldapdelete</c> (ldap-utils), not through the LDAP
/// library under test. Tests must start with <see cref="SkipIfUnavailable"/>: without slapd or ldap-utils
/// the fixture does not start and sets <see cref="SkipReason"/>, except in CI (<c>CI=true</c>), where it fails.
/// </remarks>
public sealed class SlapdServer : IAsyncLifetime
{
    public const string BaseDn = "dc=example,dc=org";
    public const string UserBase = "ou=people,dc=example,dc=org";
    public const string AdminDn = "cn=admin,dc=example,dc=org";
    public const string AdminPassword = "admin-secret";

    /// <summary>The <c>user_bind</c> template matching where this directory keeps its users.</summary>
    public const string UserBindTemplate = "uid={username},ou=people,dc=example,dc=org";

    public static readonly LdapTestUser Alice = new("alice", "alice-password", "Alice Anderson");
    public static readonly LdapTestUser Bob = new("bob", "bob-password", "Bob Brown");

    /// <summary>The users present from the start.</summary>
    public static IReadOnlyList<LdapTestUser> SeededUsers { get; } = [Alice, Bob];

    private const string Slapd = "/usr/sbin/slapd";
    private const string Slapadd = "/usr/sbin/slapadd";
    private const string LdapAdd = "/usr/bin/ldapadd";
    private const string LdapDelete = "/usr/bin/ldapdelete";
    private const string LdapSearch = "/usr/bin/ldapsearch";
    private const string ModuleDirectory = "/usr/lib/ldap";
    private const string SchemaDirectory = "/etc/ldap/schema";
    private const int MaxCapturedOutput = 64 * 1024;

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly StringBuilder _serverOutput = new();
    private string? _root;
    private Process? _process;
    private int _port;
    private int _nextUidNumber = 20000;

    /// <summary>Why the server is not available, or null when it runs.</summary>
    public string? SkipReason { get; private set; }

    /// <summary>The TCP port on 127.0.0.1.</summary>
    public int Port => _port > 0 ? _port : throw NotRunning();

    /// <summary><c>ldap://127.0.0.1:PORT</c>.</summary>
    public string Url => $"ldap://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Skips the calling test when the server could not be provided (never in CI).</summary>
    public void SkipIfUnavailable()
    {
        if (SkipReason is not null)
        {
            Assert.Skip(SkipReason);
        }
    }

    /// <summary>
    /// Options wired to this server: search as <see cref="AdminDn"/> (whose password is
    /// <see cref="AdminPassword"/>; pass it as the service password), users under <see cref="UserBase"/>,
    /// display name from <c>gecos</c>, no sync interval.
    /// </summary>
    public LdapOptions CreateOptions() => new()
    {
        Url = Url,
        UserBase = UserBase,
        SearchDn = AdminDn,
        UserBind = UserBindTemplate,
        UserFilter = "(&(objectClass=posixAccount))",
        UsernameAttribute = "gecos",
    };

    /// <summary>
    /// Adds a user under <see cref="UserBase"/>. Any characters are allowed in <paramref name="uid"/>; the
    /// DN is escaped. <c>gecos</c> is an IA5 (ASCII) attribute, so <paramref name="displayName"/> must be ASCII.
    /// </summary>
    public async Task AddUserAsync(string uid, string password, string displayName, CancellationToken cancellationToken = default)
    {
        var ldif = UserLdif(new LdapTestUser(uid, password, displayName), Interlocked.Increment(ref _nextUidNumber));
        await ProcessRunner.RunCheckedAsync(LdapAdd, [.. AdminArguments()], CommandTimeout, ldif, cancellationToken);
    }

    /// <summary>Deletes the user with this <paramref name="uid"/> from <see cref="UserBase"/>.</summary>
    public async Task DeleteUserAsync(string uid, CancellationToken cancellationToken = default)
    {
        await ProcessRunner.RunCheckedAsync(LdapDelete, [.. AdminArguments(), UserDn(uid)], CommandTimeout, cancellationToken: cancellationToken);
    }

    /// <summary>The DN of the user with this <paramref name="uid"/>.</summary>
    public static string UserDn(string uid) => $"uid={EscapeDnValue(uid)},{UserBase}";

    public async ValueTask InitializeAsync()
    {
        string[] required =
        [
            Slapd, Slapadd, LdapAdd, LdapDelete, LdapSearch,
            Path.Combine(ModuleDirectory, "back_mdb.so"),
            Path.Combine(SchemaDirectory, "nis.schema"),
        ];
        var missing = required.Where(path => !File.Exists(path)).ToList();
        if (missing.Count > 0)
        {
            SkipReason = ExternalService.Unavailable(
                $"OpenLDAP is not installed (missing {string.Join(", ", missing)}); install the slapd and ldap-utils packages");
            return;
        }

        _root = Directory.CreateTempSubdirectory("clusterdeck-slapd-").FullName;
        var configFile = Path.Combine(_root, "slapd.conf");
        Directory.CreateDirectory(Path.Combine(_root, "data"));
        await File.WriteAllTextAsync(configFile, Configuration(_root));
        var seedFile = Path.Combine(_root, "init.ldif");
        await File.WriteAllTextAsync(seedFile, SeedLdif());

        // Loaded offline, before the server runs: quicker than ldapadd and needs no running server.
        await ProcessRunner.RunCheckedAsync(Slapadd, ["-q", "-f", configFile, "-l", seedFile], CommandTimeout);

        // A port found free can be taken before slapd binds it; then start again on another.
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            var port = LoopbackPort.FindFree();
            if (await TryStartAsync(configFile, port))
            {
                _port = port;
                return;
            }

            if (attempt == attempts)
            {
                throw new InvalidOperationException($"slapd did not start.{Environment.NewLine}{ServerOutput()}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await StopAsync(_process);
            _process.Dispose();
            _process = null;
            _port = 0;
        }

        if (_root is not null && Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private async Task<bool> TryStartAsync(string configFile, int port)
    {
        var url = $"ldap://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/";

        // -d keeps slapd in the foreground, so this process owns it and can kill it by its handle.
        var startInfo = new ProcessStartInfo(Slapd)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { "-d", "0", "-f", configFile, "-h", url },
        };
        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Capture(e.Data);
        process.ErrorDataReceived += (_, e) => Capture(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        if (await LoopbackPort.WaitUntilAcceptingAsync(port, StartTimeout, () => process.HasExited)
            && await SearchWorksAsync(url))
        {
            _process = process;
            return true;
        }

        await StopAsync(process);
        process.Dispose();
        return false;
    }

    private static async Task<bool> SearchWorksAsync(string url)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            var result = await ProcessRunner.RunAsync(
                LdapSearch, ["-x", "-H", url, "-b", BaseDn, "-s", "base", "-o", "nettimeout=5", "-LLL", "dn"], CommandTimeout);
            if (result.Succeeded)
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        return false;
    }

    private static async Task StopAsync(Process process)
    {
        ProcessRunner.Kill(process);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await process.WaitForExitAsync(timeout.Token);
    }

    private List<string> AdminArguments() => ["-x", "-H", Url, "-D", AdminDn, "-w", AdminPassword, "-o", "nettimeout=10"];

    private void Capture(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_serverOutput)
        {
            if (_serverOutput.Length < MaxCapturedOutput)
            {
                _serverOutput.AppendLine(line);
            }
        }
    }

    private string ServerOutput()
    {
        lock (_serverOutput)
        {
            return _serverOutput.ToString();
        }
    }

    private static string Configuration(string root) => $"""
        include {SchemaDirectory}/core.schema
        include {SchemaDirectory}/cosine.schema
        include {SchemaDirectory}/inetorgperson.schema
        include {SchemaDirectory}/nis.schema

        pidfile {root}/slapd.pid
        argsfile {root}/slapd.args

        # Accept "unauthenticated" binds (a DN with an empty password) as anonymous, as many directories
        # do, so that tests show the client never lets an empty password through.
        allow bind_anon_dn

        modulepath {ModuleDirectory}
        moduleload back_mdb

        database mdb
        suffix "{BaseDn}"
        rootdn "{AdminDn}"
        rootpw {AdminPassword}
        directory {root}/data

        access to attrs=userPassword
            by anonymous auth
            by * none
        access to *
            by * read

        """;

    private string SeedLdif()
    {
        var ldif = new StringBuilder();
        ldif.Append(CultureInfo.InvariantCulture, $"""
            dn: {BaseDn}
            objectClass: dcObject
            objectClass: organization
            dc: example
            o: Example

            dn: {UserBase}
            objectClass: organizationalUnit
            ou: people


            """);
        foreach (var user in SeededUsers)
        {
            ldif.Append(UserLdif(user, Interlocked.Increment(ref _nextUidNumber))).Append('\n');
        }

        return ldif.ToString();
    }

    private static string UserLdif(LdapTestUser user, int uidNumber)
    {
        var surname = user.DisplayName.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? user.Uid;
        var ldif = new StringBuilder();
        AppendLine(ldif, "dn", UserDn(user.Uid));
        AppendLine(ldif, "objectClass", "inetOrgPerson");
        AppendLine(ldif, "objectClass", "posixAccount");
        AppendLine(ldif, "uid", user.Uid);
        AppendLine(ldif, "cn", user.DisplayName);
        AppendLine(ldif, "sn", surname);
        AppendLine(ldif, "displayName", user.DisplayName);
        AppendLine(ldif, "gecos", user.DisplayName);
        AppendLine(ldif, "uidNumber", uidNumber.ToString(CultureInfo.InvariantCulture));
        AppendLine(ldif, "gidNumber", "20000");
        AppendLine(ldif, "homeDirectory", $"/home/{uidNumber.ToString(CultureInfo.InvariantCulture)}");
        AppendLine(ldif, "userPassword", user.Password);
        return ldif.ToString();
    }

    // LDIF (RFC 2849) carries a value as-is only when it is plain ASCII without a leading space, colon or
    // '<' and without a trailing space; anything else goes base64-encoded after "::".
    private static void AppendLine(StringBuilder ldif, string attribute, string value)
    {
        var plain = value.Length == 0
            || (value.All(c => c is >= ' ' and <= '~')
                && value[0] is not (' ' or ':' or '<')
                && value[^1] != ' ');
        ldif.Append(attribute)
            .Append(plain ? ": " : ":: ")
            .Append(plain ? value : Convert.ToBase64String(Encoding.UTF8.GetBytes(value)))
            .Append('\n');
    }

    // RFC 4514 escaping, written separately from the product's so the fixture does not trust the code under test.
    private static string EscapeDnValue(string value)
    {
        var escaped = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var special = c is ',' or '+' or '"' or '\\' or '<' or '>' or ';' or '='
                || (i == 0 && c is '#' or ' ')
                || (i == value.Length - 1 && c == ' ');
            if (c == '\0')
            {
                escaped.Append(@"\00");
                continue;
            }

            if (special)
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    private InvalidOperationException NotRunning() =>
        new($"The slapd fixture is not running{(SkipReason is null ? "" : $": {SkipReason}")}.");
}
