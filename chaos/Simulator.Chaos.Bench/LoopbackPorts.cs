using System.Net;
using System.Net.Sockets;

namespace Simulator.Chaos.Bench;

/// <summary>Ports for the benchmark's own servers on 127.0.0.1.</summary>
internal static class LoopbackPorts
{
    /// <summary>A port free on 127.0.0.1 now (the system's pick for a bind to port 0), for a server started next.</summary>
    public static int Free()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
