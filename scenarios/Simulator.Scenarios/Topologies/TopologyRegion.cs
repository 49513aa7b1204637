namespace Simulator.Scenarios;

/// <summary>One region of a <see cref="TopologyDefinition"/>: the <c>regions:</c> items.</summary>
/// <param name="Name">Region name, e.g. <c>eu</c>.</param>
/// <param name="OdooNodes">Odoo servers behind the region's ingress (<c>odoo_nodes</c>).</param>
/// <param name="DatabaseReplicas">
/// Database nodes beyond the first in this region (<c>database_replicas</c>): streaming replicas of the primary, or
/// with Patroni under warm standby the region's further cluster members; 0 on a Patroni topology without it.
/// </param>
public sealed record TopologyRegion(string Name, int OdooNodes, int DatabaseReplicas)
{
    /// <summary>
    /// HTTP workers of each of the region's Odoo servers (<c>odoo_workers</c>, Odoo's <c>workers</c>): how many
    /// requests one server serves at once; null for the runtime's default.
    /// </summary>
    public int? OdooWorkers { get; init; }

    /// <summary>
    /// Patroni's <c>nofailover</c> tag on the region's node (<c>nofailover</c>): it replicates, but is never promoted,
    /// by a failover or a switchover.
    /// </summary>
    public bool NoFailover { get; init; }

    /// <summary>
    /// Patroni's <c>nosync</c> tag on the region's node (<c>nosync</c>): it is never the synchronous standby, so under
    /// synchronous replication the leader never waits for it, and a failover never picks it.
    /// </summary>
    public bool NoSync { get; init; }
}
