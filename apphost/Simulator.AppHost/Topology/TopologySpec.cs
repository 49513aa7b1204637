namespace Simulator.AppHost.Topology;

/// <summary>
/// A topology as data: which regions exist and what each runs. The runtimes turn it into resources.
/// </summary>
/// <param name="Name">Catalogue name, e.g. <c>single-region-ha</c>.</param>
/// <param name="Description">One line for reports and listings.</param>
/// <param name="Regions">The regions, the first holding the primary database.</param>
public sealed record TopologySpec(string Name, string Description, IReadOnlyList<RegionSpec> Regions);

/// <summary>What one region runs.</summary>
/// <param name="Name">Region name, e.g. <c>eu</c>.</param>
/// <param name="OdooNodes">Odoo servers behind the region's ingress.</param>
/// <param name="DatabaseReplicas">Streaming replicas of the primary kept in this region.</param>
public sealed record RegionSpec(string Name, int OdooNodes, int DatabaseReplicas);
