using Simulator.AppHost.Integrations.Containers;

namespace Simulator.AppHost.Integrations.Toxiproxy;

/// <summary>One proxy of the Toxiproxy container: a named link, the port it listens on, where it forwards.</summary>
/// <param name="Name">Link name, <c>&lt;from&gt;-&gt;&lt;to&gt;:&lt;service&gt;</c> (<c>*</c> as source when shared by every region).</param>
/// <param name="EndpointName">The listener's endpoint on the Toxiproxy resource.</param>
/// <param name="Listen">Port inside the Toxiproxy container.</param>
/// <param name="Upstream">The service it forwards to, on the container network.</param>
public sealed record ToxiproxyContainerLink(string Name, string EndpointName, int Listen, ContainerAddress Upstream);
