using Simulator.AppHost.Integrations.Patroni;

namespace Simulator.AppHost.Topology;

/// <summary>
/// A topology as data: which regions exist and what each runs. The runtimes turn it into resources.
/// </summary>
/// <param name="Name">Catalogue name, e.g. <c>single-region-ha</c>.</param>
/// <param name="Description">One line for reports and listings.</param>
/// <param name="Regions">The regions, the first holding the primary database (the first leader under Patroni).</param>
public sealed record TopologySpec(string Name, string Description, IReadOnlyList<RegionSpec> Regions)
{
    /// <summary>
    /// How the database is run: null for plain streaming replication (a fixed primary in the first region, replicas
    /// per <see cref="RegionSpec.DatabaseReplicas"/>, no automated failover); otherwise a Patroni cluster with one
    /// node and one etcd member per region, set up with these options, and a PostgreSQL router per region.
    /// </summary>
    public PatroniClusterOptions? Patroni { get; init; }

    /// <summary>Whether Patroni runs the database, so a leader can fail over and roles can be fault targets.</summary>
    public bool IsPatroni => Patroni is not null;

    /// <summary>
    /// Warm standby (with <see cref="Patroni"/>): instead of one cluster across the regions, the first region runs its
    /// own Patroni cluster (1 + <see cref="RegionSpec.DatabaseReplicas"/> nodes, an etcd of its own, so failover stays
    /// inside the region) and every other region a Patroni <em>standby cluster</em> (its own etcd and scope) streaming
    /// from the first region's first node through the fault proxy, asynchronously. A standby cluster never promotes by
    /// itself: only a scripted <c>region-failover</c> does.
    /// </summary>
    public bool WarmStandby { get; init; }

    /// <summary>
    /// The tenants (Odoo databases) every Odoo node serves, each on the first region's PostgreSQL server its
    /// <see cref="TenantSpec.DatabaseServer"/> names; empty for the single database of a one-tenant topology. Streaming
    /// topologies of one region only; the first tenant is the default database (what a workload without
    /// <c>tenant:</c> and the endpoints file use).
    /// </summary>
    public IReadOnlyList<TenantSpec> Tenants { get; init; } = [];

    /// <summary>How many primary PostgreSQL servers the first region runs: one per tenant server number, else one.</summary>
    public int PrimaryServers => Tenants.Count == 0 ? 1 : Tenants.Max(t => t.DatabaseServer);

    /// <summary>How many Patroni nodes <paramref name="region"/> runs: one per region, plus its replicas under warm standby.</summary>
    public int PatroniNodes(RegionSpec region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return WarmStandby ? 1 + region.DatabaseReplicas : 1;
    }
}

/// <summary>What one region runs.</summary>
/// <param name="Name">Region name, e.g. <c>eu</c>.</param>
/// <param name="OdooNodes">Odoo servers behind the region's ingress.</param>
/// <param name="DatabaseReplicas">
/// Streaming replicas of the primary kept in this region; 0 on a Patroni topology, where every region runs exactly one
/// Patroni node, except under warm standby, where they are the region's further Patroni nodes.
/// </param>
public sealed record RegionSpec(string Name, int OdooNodes, int DatabaseReplicas)
{
    /// <summary>HTTP workers of each of the region's Odoo servers (Odoo's <c>workers</c>); null for the runtime's default.</summary>
    public int? OdooWorkers { get; init; }
}
