namespace Simulator.AppHost.Topology;

/// <summary>Links without a fault proxy: every client connects straight to the service (model tests, single region).</summary>
public sealed class DirectRegionLinks : IRegionLinks
{
    /// <summary>The one instance; it holds no state.</summary>
    public static DirectRegionLinks Instance { get; } = new();

    /// <inheritdoc/>
    public EndpointReference Reach(string fromRegion, string toRegion, string service, EndpointReference target) => target;

    /// <inheritdoc/>
    public EndpointReference ReachFromAnyRegion(string toRegion, string service, EndpointReference target) => target;
}
