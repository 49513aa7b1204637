using Simulator.AppHost.Integrations.FaultProxy;
using Simulator.AppHost.Native;
using Simulator.Chaos;

namespace Simulator.AppHost.Topology;

/// <summary>
/// Region links through the fault proxy: every cross-region connection gets its own link on one
/// <see cref="FaultProxyResource"/>, added the first time it is asked for (so a single-region topology has no proxy).
/// Same-region connections go straight to the service.
/// </summary>
/// <remarks>
/// Clients reaching a link should wait for the proxy as well as the server
/// (<see cref="Integrations.EndpointWaitExtensions.WaitForServerOf"/> on the endpoint returned).
/// </remarks>
public sealed class ProxyRegionLinks(IDistributedApplicationBuilder builder, RunDirectory run) : IRegionLinks
{
    /// <summary>The fault proxy, once some link needed it; null while every connection stays in its region.</summary>
    public IResourceBuilder<FaultProxyResource>? Proxy { get; private set; }

    /// <inheritdoc/>
    public EndpointReference Reach(string fromRegion, string toRegion, string service, EndpointReference target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return fromRegion == toRegion ? target : Link(new LinkName(fromRegion, toRegion, service), target);
    }

    /// <inheritdoc/>
    public EndpointReference ReachFromAnyRegion(string toRegion, string service, EndpointReference target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return Link(new LinkName(LinkName.AnyRegion, toRegion, service), target);
    }

    private EndpointReference Link(LinkName name, EndpointReference target)
    {
        Proxy ??= builder.AddFaultProxy(ResourceNaming.FaultProxy, run);
        return Proxy.GetOrAddLink(name, target);
    }
}
