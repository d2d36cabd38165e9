using System.Diagnostics.CodeAnalysis;

namespace Clusterdeck.Core.Accounts.Ldap;

/// <summary>
/// A parsed <c>ldap://host[:port]</c> or <c>ldaps://host[:port]</c> URL. <see cref="ToString"/> gives the
/// URL without any user information, so it is safe to put into messages and logs.
/// </summary>
internal sealed record LdapEndpoint(string Host, int Port, bool Secure)
{
    public const int DefaultPort = 389;
    public const int DefaultSecurePort = 636;

    public static bool TryParse(string? url, [NotNullWhen(true)] out LdapEndpoint? endpoint)
    {
        endpoint = null;
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            return false;
        }

        bool secure;
        if (string.Equals(uri.Scheme, "ldap", StringComparison.OrdinalIgnoreCase))
        {
            secure = false;
        }
        else if (string.Equals(uri.Scheme, "ldaps", StringComparison.OrdinalIgnoreCase))
        {
            secure = true;
        }
        else
        {
            return false;
        }

        // Uri reports -1 when the URL names no port and the scheme has no default it knows of (ldaps).
        var port = uri.IsDefaultPort || uri.Port < 0 ? (secure ? DefaultSecurePort : DefaultPort) : uri.Port;

        // Host keeps the brackets of an IPv6 literal, which libldap needs to tell the address from the port.
        endpoint = new LdapEndpoint(uri.Host, port, secure);
        return true;
    }

    public override string ToString() => $"{(Secure ? "ldaps" : "ldap")}://{Host}:{Port}";
}
