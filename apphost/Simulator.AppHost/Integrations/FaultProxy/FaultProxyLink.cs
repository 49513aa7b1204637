using Simulator.Chaos;

namespace Simulator.AppHost.Integrations.FaultProxy;

/// <summary>One link of the fault proxy: clients connect to <see cref="Listen"/>, the proxy forwards to <see cref="Upstream"/>.</summary>
/// <param name="Name">The link's name, <c>from-&gt;to:service</c>.</param>
/// <param name="Listen">The proxy's endpoint for this link (proxyless, on 127.0.0.1).</param>
/// <param name="Upstream">The endpoint of the service the link reaches.</param>
public sealed record FaultProxyLink(LinkName Name, EndpointReference Listen, EndpointReference Upstream);
