using Simulator.AppHost.Integrations.Patroni;
using Simulator.Scenarios;

namespace Simulator.AppHost.Topology;

/// <summary>
/// The one place a topology file's keys (<see cref="TopologyDefinition"/>, from the catalogue or a scenario's inline
/// <c>topology:</c>) become the <see cref="TopologySpec"/> the runtimes build from: a key added to the file format is
/// mapped here.
/// </summary>
public static class TopologyDefinitionMapping
{
    /// <summary>The spec of <paramref name="definition"/>.</summary>
    public static TopologySpec ToSpec(TopologyDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var database = definition.Database;
        return new TopologySpec(
            definition.Name,
            definition.Description,
            [.. definition.Regions.Select(r => new RegionSpec(r.Name, r.OdooNodes, r.DatabaseReplicas)
            {
                OdooWorkers = r.OdooWorkers,
                PatroniTags = new PatroniNodeTags(r.NoFailover, r.NoSync),
            })])
        {
            Patroni = database.IsPatroni
                ? new PatroniClusterOptions
                {
                    Replication = database.Replication is { } replication ? PatroniReplicationNames.Parse(replication) : PatroniReplication.Async,
                    Timing = database.Timing is { } timing ? PatroniTiming.Named(timing) ?? PatroniTiming.Default : PatroniTiming.Default,
                }
                : null,
            WarmStandby = database.WarmStandby,
            Tenants = [.. definition.Tenants.Select(t => new TenantSpec(t.Name, t.DatabaseServer) { Region = t.Region, DrRegion = t.DrRegion })],
        };
    }
}
