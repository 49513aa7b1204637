using System.Globalization;

namespace Simulator.Chaos;

/// <summary>A proxied cross-region link as created on the fault proxy: where clients connect and where it forwards.</summary>
/// <param name="Name">The proxy's name.</param>
/// <param name="Listen">The <c>host:port</c> clients in <see cref="LinkName.From"/> connect to (the real port).</param>
/// <param name="Upstream">The <c>host:port</c> of the server it forwards to.</param>
public sealed record MeshLink(LinkName Name, string Listen, string Upstream)
{
    /// <summary>The host part of <see cref="Listen"/> (without IPv6 brackets).</summary>
    public string Host => Listen[..Listen.LastIndexOf(':')].Trim('[', ']');

    /// <summary>The port part of <see cref="Listen"/>.</summary>
    public int Port => int.Parse(Listen[(Listen.LastIndexOf(':') + 1)..], NumberStyles.None, CultureInfo.InvariantCulture);
}
