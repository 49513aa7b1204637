using Simulator.AppHost.Integrations.Patroni;

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

    /// <summary>
    /// Three regions (eu, us, apac), one Patroni node and one etcd member each; eu bootstraps and is the first leader.
    /// Each region has Redis, S3, one Odoo node behind its HAProxy ingress, and a PostgreSQL router that sends writes
    /// to the current leader (cross-region through the fault-proxy links) and reads to the local replica. Synchronous
    /// replication and fast failure detection by default; a scenario's <c>database:</c> may choose others.
    /// </summary>
    public static TopologySpec SinglePrimaryMultiReplica { get; } = new(
        "single-primary-multi-replica",
        "eu, us, apac: a Patroni node + etcd member each (eu leads first, automated failover), Redis, S3 and one Odoo node behind HAProxy per region; writes go to the leader through each region's PostgreSQL router, reads stay local.",
        [new RegionSpec("eu", OdooNodes: 1, DatabaseReplicas: 0), new RegionSpec("us", OdooNodes: 1, DatabaseReplicas: 0), new RegionSpec("apac", OdooNodes: 1, DatabaseReplicas: 0)])
    {
        Patroni = new PatroniClusterOptions { Replication = PatroniReplication.Sync, Timing = PatroniTiming.Fast },
    };

    /// <summary>
    /// Two regions, active/passive: eu runs a two-node Patroni cluster with its own etcd (synchronous inside the
    /// region, so commits pay no cross-region round trip) and takes every write; us runs a Patroni standby cluster
    /// streaming from eu asynchronously through the fault proxy, promoted only by a scripted <c>region-failover</c>.
    /// Each region has a PostgreSQL router (writes to whichever cluster has a primary, reads local), Redis, S3 and one
    /// Odoo node behind HAProxy.
    /// </summary>
    public static TopologySpec WarmStandbyDr { get; } = new(
        "warm-standby-dr",
        "eu: two-node Patroni cluster (sync inside eu) with its own etcd, takes every write; us: Patroni standby cluster streaming from eu asynchronously, promoted only by a scripted region-failover; Redis, S3, a PostgreSQL router and one Odoo node behind HAProxy per region.",
        [new RegionSpec("eu", OdooNodes: 1, DatabaseReplicas: 1), new RegionSpec("us", OdooNodes: 1, DatabaseReplicas: 0)])
    {
        Patroni = new PatroniClusterOptions { Replication = PatroniReplication.Sync, Timing = PatroniTiming.Fast },
        WarmStandby = true,
    };

    /// <summary>
    /// Two tenants (acme, globex) on one region: one PostgreSQL server holds both tenants' databases; Redis, S3 and two
    /// Odoo nodes serving both tenants behind HAProxy. What one tenant's load does to the other's on shared hardware.
    /// </summary>
    public static TopologySpec MultiTenantShared { get; } = new(
        "multi-tenant-shared",
        "One region, two tenants (acme, globex) whose databases share one PostgreSQL server; Redis, S3 and two Odoo nodes serving both tenants behind HAProxy.",
        [new RegionSpec("eu", OdooNodes: 2, DatabaseReplicas: 0)])
    {
        Tenants = [new TenantSpec("acme", DatabaseServer: 1), new TenantSpec("globex", DatabaseServer: 1)],
    };

    /// <summary>
    /// As <see cref="MultiTenantShared"/>, but each tenant's database on a PostgreSQL server of its own (<c>eu-pg-1</c>
    /// for acme, <c>eu-pg-2</c> for globex): the Odoo nodes are still shared, the database servers are not.
    /// </summary>
    public static TopologySpec DedicatedTenant { get; } = new(
        "dedicated-tenant",
        "One region, two tenants (acme, globex), each tenant's database on a PostgreSQL server of its own; Redis, S3 and two Odoo nodes serving both tenants behind HAProxy.",
        [new RegionSpec("eu", OdooNodes: 2, DatabaseReplicas: 0)])
    {
        Tenants = [new TenantSpec("acme", DatabaseServer: 1), new TenantSpec("globex", DatabaseServer: 2)],
    };

    /// <summary>Every catalogue topology, by name.</summary>
    public static IReadOnlyDictionary<string, TopologySpec> All { get; } =
        new Dictionary<string, TopologySpec>(StringComparer.Ordinal)
        {
            [SingleRegionHa.Name] = SingleRegionHa,
            [TwoRegion.Name] = TwoRegion,
            [SinglePrimaryMultiReplica.Name] = SinglePrimaryMultiReplica,
            [WarmStandbyDr.Name] = WarmStandbyDr,
            [MultiTenantShared.Name] = MultiTenantShared,
            [DedicatedTenant.Name] = DedicatedTenant,
        };

    /// <summary>The topology of that name, or null when the catalogue has none.</summary>
    public static TopologySpec? Find(string name) => All.GetValueOrDefault(name);
}
