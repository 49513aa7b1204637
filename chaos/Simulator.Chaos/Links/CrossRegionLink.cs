namespace Simulator.Chaos;

/// <summary>
/// A cross-region connection to put behind a proxy: clients in <see cref="LinkName.From"/> reach
/// <see cref="LinkName.Service"/> in <see cref="LinkName.To"/>, which listens at <see cref="Upstream"/>.
/// </summary>
/// <param name="Name">The proxy's name, <c>from-&gt;to:service</c>.</param>
/// <param name="Upstream">The server's <c>host:port</c>, e.g. <c>127.0.0.1:5432</c>.</param>
public sealed record CrossRegionLink(LinkName Name, string Upstream)
{
    /// <summary>Creates a link from its parts.</summary>
    /// <param name="from">The clients' region.</param>
    /// <param name="to">The server's region.</param>
    /// <param name="service">The service, e.g. <c>postgres</c>.</param>
    /// <param name="upstream">The server's <c>host:port</c>.</param>
    public CrossRegionLink(string from, string to, string service, string upstream)
        : this(new LinkName(from, to, service), upstream)
    {
    }
}
