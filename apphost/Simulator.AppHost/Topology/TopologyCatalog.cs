namespace Simulator.AppHost.Topology;

/// <summary>The topologies the simulator knows by name.</summary>
public static class TopologyCatalog
{
    /// <summary>One region: a primary and a standby database, Redis, two Odoo nodes behind HAProxy.</summary>
    public static TopologySpec SingleRegionHa { get; } = new(
        "single-region-ha",
        "One region: PostgreSQL primary + streaming standby, Redis, two Odoo nodes behind HAProxy.",
        [new RegionSpec("eu", OdooNodes: 2, DatabaseReplicas: 1)]);

    /// <summary>
    /// Two regions: eu holds the primary (with a local standby), us a streaming replica; each region has Redis and
    /// two Odoo nodes behind HAProxy. US Odoo nodes write to the EU primary and the US replica streams from it,
    /// both through the fault-proxy link <c>us-&gt;eu:postgres</c>.
    /// </summary>
    public static TopologySpec TwoRegion { get; } = new(
        "two-region",
        "eu: PostgreSQL primary + standby; us: streaming replica; Redis and two Odoo nodes behind HAProxy per region; us reaches the primary through the fault proxy.",
        [new RegionSpec("eu", OdooNodes: 2, DatabaseReplicas: 1), new RegionSpec("us", OdooNodes: 2, DatabaseReplicas: 1)]);

    /// <summary>Every catalogue topology, by name.</summary>
    public static IReadOnlyDictionary<string, TopologySpec> All { get; } =
        new Dictionary<string, TopologySpec>(StringComparer.Ordinal)
        {
            [SingleRegionHa.Name] = SingleRegionHa,
            [TwoRegion.Name] = TwoRegion,
        };

    /// <summary>The topology of that name, or null when the catalogue has none.</summary>
    public static TopologySpec? Find(string name) => All.GetValueOrDefault(name);
}
