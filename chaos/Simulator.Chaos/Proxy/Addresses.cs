using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Simulator.Chaos.Proxy;

/// <summary>Parses and formats <c>host:port</c> addresses the way Toxiproxy (Go's net package) writes them.</summary>
internal static class Addresses
{
    /// <summary>What an empty <c>listen</c> means here: loopback, a free port (never all interfaces by accident).</summary>
    public const string DefaultListen = "127.0.0.1:0";

    public static bool TrySplit(string address, out string host, out int port)
    {
        host = "";
        port = 0;
        var colon = address.LastIndexOf(':');
        if (colon < 0)
        {
            return false;
        }

        host = address[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }
        else if (host.Contains(':', StringComparison.Ordinal))
        {
            // An IPv6 literal must be bracketed, as in Go.
            return false;
        }

        return int.TryParse(address.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is >= 0 and <= 65535;
    }

    /// <summary>The endpoint to bind for a listen address; throws a 400 for a malformed one.</summary>
    public static IPEndPoint ResolveListen(string listen)
    {
        if (!TrySplit(listen, out var host, out var port))
        {
            throw ApiException.BadRequest($"invalid listen address \"{listen}\" (expected host:port)");
        }

        if (host.Length == 0)
        {
            return new IPEndPoint(IPAddress.IPv6Any, port);
        }

        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return new IPEndPoint(IPAddress.Loopback, port);
        }

        if (IPAddress.TryParse(host, out var address))
        {
            return new IPEndPoint(address, port);
        }

        try
        {
            var addresses = Dns.GetHostAddresses(host);
            var chosen = Array.Find(addresses, a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault();
            return chosen is null
                ? throw new ApiException(500, $"listen tcp {listen}: no address for host {host}")
                : new IPEndPoint(chosen, port);
        }
        catch (SocketException ex)
        {
            throw new ApiException(500, $"listen tcp {listen}: {ex.Message}");
        }
    }

    /// <summary>The endpoint to connect to for an upstream address; throws a 400 for a malformed one.</summary>
    public static EndPoint ParseUpstream(string upstream)
    {
        if (!TrySplit(upstream, out var host, out var port) || port == 0)
        {
            throw ApiException.BadRequest($"invalid upstream address \"{upstream}\" (expected host:port)");
        }

        if (host.Length == 0)
        {
            return new IPEndPoint(IPAddress.Loopback, port);
        }

        return IPAddress.TryParse(host, out var address) ? new IPEndPoint(address, port) : new DnsEndPoint(host, port);
    }

    /// <summary>Formats an endpoint as Go does: <c>1.2.3.4:5</c> or <c>[::1]:5</c>.</summary>
    public static string Format(IPEndPoint endpoint) =>
        endpoint.AddressFamily == AddressFamily.InterNetworkV6
            ? $"[{endpoint.Address}]:{endpoint.Port.ToString(CultureInfo.InvariantCulture)}"
            : $"{endpoint.Address}:{endpoint.Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Whether a requested listen address is satisfied by the one a proxy has: same text, or the same host
    /// with port 0 (any port). Used by populate to leave matching proxies alone.
    /// </summary>
    public static bool ListenMatches(string requested, string actual)
    {
        if (string.Equals(requested, actual, StringComparison.Ordinal))
        {
            return true;
        }

        if (!TrySplit(requested, out var requestedHost, out var requestedPort) || !TrySplit(actual, out var actualHost, out var actualPort))
        {
            return false;
        }

        if (requestedPort != 0 && requestedPort != actualPort)
        {
            return false;
        }

        return string.Equals(NormalizeHost(requestedHost), NormalizeHost(actualHost), StringComparison.OrdinalIgnoreCase);
    }

    private static string NormalizeHost(string host) =>
        host.Length == 0 ? "::"
        : string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) ? "127.0.0.1"
        : IPAddress.TryParse(host, out var address) ? address.ToString()
        : host;
}
