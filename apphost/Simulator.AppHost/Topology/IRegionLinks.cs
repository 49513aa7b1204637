namespace Simulator.AppHost.Topology;

/// <summary>
/// How a client in one region reaches a service in another. Every cross-region connection goes through a
/// named fault-proxy link (<c>&lt;from&gt;-&gt;&lt;to&gt;:&lt;service&gt;</c>, DESIGN.md) so that latency,
/// partitions and cuts can be applied to it; a same-region connection goes straight to the service.
/// </summary>
public interface IRegionLinks
{
    /// <summary>
    /// The endpoint a client in <paramref name="fromRegion"/> connects to for <paramref name="target"/>,
    /// a <paramref name="service"/> (e.g. <c>postgres</c>) running in <paramref name="toRegion"/>: the target
    /// itself within a region, otherwise the listener of the link <c>from-&gt;to:service</c>.
    /// </summary>
    EndpointReference Reach(string fromRegion, string toRegion, string service, EndpointReference target);

    /// <summary>
    /// The endpoint every other region shares to reach <paramref name="target"/> in <paramref name="toRegion"/>,
    /// for peers whose address must be the same for everyone (etcd peer URLs, Patroni's advertised
    /// PostgreSQL address): the link <c>*-&gt;to:service</c>, which can only be cut for all sources at once.
    /// </summary>
    EndpointReference ReachFromAnyRegion(string toRegion, string service, EndpointReference target);
}
