using System.Net;
using System.Net.Sockets;

namespace Clusterdeck.Tests.Infrastructure;

/// <summary>TCP ports on 127.0.0.1 for servers that fixtures start.</summary>
public static class LoopbackPort
{
    /// <summary>
    /// A port that was free a moment ago. Another process can still take it before the server binds,
    /// so fixtures retry their start with a new port when the bind fails.
    /// </summary>
    public static int FindFree()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>
    /// Polls until something accepts TCP connections on <paramref name="port"/>; false when
    /// <paramref name="timeout"/> passes or <paramref name="giveUp"/> says the server has died.
    /// </summary>
    public static async Task<bool> WaitUntilAcceptingAsync(
        int port,
        TimeSpan timeout,
        Func<bool>? giveUp = null,
        CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && giveUp?.Invoke() != true)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
            }
        }

        return false;
    }
}
