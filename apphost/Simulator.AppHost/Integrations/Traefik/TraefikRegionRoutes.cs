using Simulator.AppHost.Integrations.HAProxy;

namespace Simulator.AppHost.Integrations.Traefik;

/// <summary>What one region's Traefik routes: its Odoo nodes and every database node of the cluster.</summary>
/// <param name="Region">Region name, e.g. <c>eu</c>.</param>
/// <param name="OdooServers">The region's Odoo nodes.</param>
/// <param name="DatabaseServers">Every database node, reached from this region.</param>
public sealed record TraefikRegionRoutes(
    string Region,
    IReadOnlyList<TraefikOdooServer> OdooServers,
    IReadOnlyList<TraefikDatabaseServer> DatabaseServers)
{
    /// <summary>Name of the cookie that keeps a browser or API client on one Odoo node.</summary>
    public string StickyCookie => $"sim_{Region}_odoo";

    /// <summary>
    /// The Patroni check a node must pass to take this region's read-only traffic: <c>/replica</c> (a streaming
    /// replica of the one cluster), or <c>/read-only</c> where standby clusters run, since a standby cluster's leader
    /// fails <c>/replica</c> though it serves reads (the same choice as the native PostgreSQL router's).
    /// </summary>
    public string ReadCheck { get; init; } = PostgresRouterConfig.ReplicaCheck;

    /// <summary>
    /// Whether the region has a read-only route at all: false where no replica is there to be read (with tenants the
    /// only replicas are disaster-recovery copies, which nothing reads), so no <c>postgres-replica</c> router is rendered.
    /// </summary>
    public bool ServesReads { get; init; } = true;

    /// <summary>True when read-only traffic has a replica in this region to go to.</summary>
    public bool HasLocalReplicaRoute => ServesReads && DatabaseServers.Any(d => d.InRegion);
}
