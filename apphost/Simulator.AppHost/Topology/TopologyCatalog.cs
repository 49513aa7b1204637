namespace Simulator.AppHost.Topology;

/// <summary>The topologies the simulator knows by name.</summary>
public static class TopologyCatalog
{
    /// <summary>One region: a primary and a standby database, Redis, two Odoo nodes behind HAProxy.</summary>
    public static TopologySpec SingleRegionHa { get; } = new(
        "single-region-ha",
        "One region: PostgreSQL primary + streaming standby, Redis, two Odoo nodes behind HAProxy.",
        [new RegionSpec("eu", OdooNodes: 2, DatabaseReplicas: 1)]);

    /// <summary>Every catalogue topology, by name.</summary>
    public static IReadOnlyDictionary<string, TopologySpec> All { get; } =
        new Dictionary<string, TopologySpec>(StringComparer.Ordinal)
        {
            [SingleRegionHa.Name] = SingleRegionHa,
        };

    /// <summary>The topology of that name, or null when the catalogue has none.</summary>
    public static TopologySpec? Find(string name) => All.GetValueOrDefault(name);
}
