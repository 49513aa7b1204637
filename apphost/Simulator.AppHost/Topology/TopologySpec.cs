using Simulator.AppHost.Integrations.Patroni;

namespace Simulator.AppHost.Topology;

/// <summary>
/// A topology as data: which regions exist and what each runs. The runtimes turn it into resources.
/// </summary>
/// <param name="Name">Catalogue name, e.g. <c>single-region-ha</c>.</param>
/// <param name="Description">One line for reports and listings.</param>
/// <param name="Regions">The regions, the first holding the primary database (the first leader under Patroni); with tenants, each region holds the servers of the tenants living there.</param>
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
    /// The tenants (Odoo databases), each on the PostgreSQL server <see cref="TenantSpec.DatabaseServer"/> names in its
    /// region (<see cref="RegionOf"/>) and served by that region's Odoo nodes only; empty for the single database of a
    /// one-tenant topology. Streaming topologies only, without read replicas (a tenant's
    /// <see cref="TenantSpec.DrRegion"/> places a replica for disaster recovery); a workload without <c>tenant:</c> works
    /// in the first tenant of its region (<see cref="DefaultTenant"/>).
    /// </summary>
    public IReadOnlyList<TenantSpec> Tenants { get; init; } = [];

    /// <summary>The region <paramref name="tenant"/> lives in: its own, or the first.</summary>
    public string RegionOf(TenantSpec tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return tenant.Region ?? Regions[0].Name;
    }

    /// <summary>The tenants living in <paramref name="region"/>, in the topology's order.</summary>
    public IReadOnlyList<TenantSpec> TenantsIn(string region) => [.. Tenants.Where(t => RegionOf(t) == region)];

    /// <summary>
    /// The database a workload in <paramref name="region"/> without a tenant of its own works in: the region's first
    /// tenant; null on a topology without tenants, or for a region where none lives.
    /// </summary>
    public string? DefaultTenant(string region) => TenantsIn(region) is [var first, ..] ? first.Name : null;

    /// <summary>
    /// How many primary PostgreSQL servers <paramref name="region"/> runs: with tenants, one per server number of its
    /// tenants (none when no tenant lives there); without, one in the first region.
    /// </summary>
    public int PrimaryServersIn(string region) =>
        Tenants.Count == 0
            ? (region == Regions[0].Name ? 1 : 0)
            : TenantsIn(region).Select(t => t.DatabaseServer).DefaultIfEmpty(0).Max();

    /// <summary>
    /// The tenant servers of other regions that <paramref name="region"/> keeps a disaster-recovery replica of (their
    /// tenants' <see cref="TenantSpec.DrRegion"/>), in the order of the regions, then of the servers.
    /// </summary>
    public IReadOnlyList<TenantServer> DrReplicasIn(string region)
    {
        var order = Regions.Select(r => r.Name).ToList();
        return [.. Tenants
            .Where(t => t.DrRegion == region)
            .Select(t => new TenantServer(RegionOf(t), t.DatabaseServer))
            .Distinct()
            .OrderBy(s => order.IndexOf(s.Region))
            .ThenBy(s => s.Number)];
    }

    /// <summary>The Patroni tags of the regions that set any, by region name.</summary>
    public IReadOnlyDictionary<string, PatroniNodeTags> PatroniTags() =>
        Regions.Where(r => r.PatroniTags != PatroniNodeTags.None).ToDictionary(r => r.Name, r => r.PatroniTags, StringComparer.Ordinal);

    /// <summary>
    /// Whether every database cluster stays inside its region: under warm standby (a cluster per region) and with tenants
    /// (each server a primary of its own, a disaster-recovery replica a standby of it). Nothing that elects a leader then
    /// crosses regions, so cutting a region off leaves every primary's leadership alone; the containers runtime, which
    /// runs these under Patroni too, gives each region an etcd of its own and freezes none on a partition.
    /// </summary>
    public bool ClustersStayInRegion => WarmStandby || Tenants.Count > 0;

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

    /// <summary>Patroni's <c>nofailover</c> and <c>nosync</c> tags on the region's node (Patroni topologies).</summary>
    public PatroniNodeTags PatroniTags { get; init; } = PatroniNodeTags.None;
}
