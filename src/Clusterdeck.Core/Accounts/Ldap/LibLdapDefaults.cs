using System.Runtime.InteropServices;

namespace Clusterdeck.Core.Accounts.Ldap;

/// <summary>
/// Sets libldap's process-wide defaults for new connections that System.DirectoryServices.Protocols
/// does not expose: timeouts for connecting and for synchronous calls, and restarting calls that a
/// signal interrupts.
/// </summary>
/// <remarks>
/// Measured with libldap 2.5 and .NET 10 on Linux:
/// <list type="bullet">
/// <item>S.DS.P binds through libldap's synchronous bind, which ignores <c>LdapConnection.Timeout</c>: a
/// server that accepts the TCP connection but never answers holds the bind, and its thread, forever.</item>
/// <item>Without <c>LDAP_OPT_RESTART</c>, a signal arriving while libldap waits in <c>poll</c> (such as
/// the SIGCHLD of any child process the application starts) fails the call at once with "server down".</item>
/// </list>
/// There is no per-connection setting for either in the managed API, so the defaults for new handles
/// (<c>ldap_set_option(NULL, ...)</c>) are set once, in every libldap the process can load, before the
/// first connection is made.
/// </remarks>
internal static class LibLdapDefaults
{
    private const int LdapOptRestart = 0x0009;
    private const int LdapOptTimeout = 0x5002;
    private const int LdapOptNetworkTimeout = 0x5005;
    private const int LdapOptSuccess = 0;

    // The sonames System.DirectoryServices.Protocols tries: OpenLDAP 2.6, 2.5 and 2.4.
    private static readonly string[] LibraryNames = ["libldap.so.2", "libldap-2.5.so.0", "libldap-2.4.so.2"];

    private static readonly Lock Gate = new();
    private static TimeSpan? _applied;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeValue
    {
        public nint Seconds;
        public nint Microseconds;
    }

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int SetTimeValueOption(nint handle, int option, ref TimeValue value);

    // Boolean options are on for any non-null pointer.
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int SetFlagOption(nint handle, int option, ref int value);

    /// <summary>
    /// Applies the defaults, with <paramref name="timeout"/> for connecting and for each synchronous call,
    /// once per process. False when no libldap could be configured (not Linux/macOS, or no libldap found),
    /// or when an earlier call applied a different timeout.
    /// </summary>
    public static bool EnsureApplied(TimeSpan timeout)
    {
        lock (Gate)
        {
            if (_applied is null)
            {
                var applied = false;
                if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
                {
                    foreach (var name in LibraryNames)
                    {
                        applied |= TryApply(name, timeout);
                    }
                }

                _applied = applied ? timeout : TimeSpan.Zero;
            }

            return _applied == timeout;
        }
    }

    private static bool TryApply(string libraryName, TimeSpan timeout)
    {
        // The library stays loaded on purpose: the defaults live in it, and S.DS.P uses the same copy.
        if (!NativeLibrary.TryLoad(libraryName, out var library)
            || !NativeLibrary.TryGetExport(library, "ldap_set_option", out var export))
        {
            return false;
        }

        var setTimeValue = Marshal.GetDelegateForFunctionPointer<SetTimeValueOption>(export);
        var setFlag = Marshal.GetDelegateForFunctionPointer<SetFlagOption>(export);
        var limit = new TimeValue { Seconds = (nint)Math.Ceiling(timeout.TotalSeconds) };
        var on = 1;
        return setTimeValue(0, LdapOptTimeout, ref limit) == LdapOptSuccess
            && setTimeValue(0, LdapOptNetworkTimeout, ref limit) == LdapOptSuccess
            && setFlag(0, LdapOptRestart, ref on) == LdapOptSuccess;
    }
}
