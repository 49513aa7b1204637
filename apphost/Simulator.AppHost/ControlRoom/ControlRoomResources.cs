namespace Simulator.AppHost.ControlRoom;

/// <summary>The resources the control room adds to a topology's app model.</summary>
/// <param name="Topology">The topology resource, parent of the fault proxy.</param>
/// <param name="Regions">One resource per region, parent of the region's nodes, in the topology's order.</param>
public sealed record ControlRoomResources(IResourceBuilder<TopologyResource> Topology, IReadOnlyList<IResourceBuilder<RegionResource>> Regions);
