using System.Net;
using System.Net.Sockets;

namespace Screening.FaultTests.Infrastructure;

/// <summary>A loopback port nobody listens on now: fixed host bindings keep a restarted container at the same address.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
