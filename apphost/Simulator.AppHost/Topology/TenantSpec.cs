namespace Simulator.AppHost.Topology;

/// <summary>
/// One tenant of a multi-tenant topology: an Odoo database of its own, placed on one of its region's PostgreSQL servers
/// and served by that region's Odoo nodes beside the region's other tenants (as one Odoo server serves several
/// databases), never by another region's (data residency).
/// </summary>
/// <param name="Name">The tenant's name, which is also its database's name (what clients pass as <c>db</c>), e.g. <c>acme</c>.</param>
/// <param name="DatabaseServer">
/// Which PostgreSQL server of its region holds the database, from 1 (<c>eu-pg-1</c>): tenants of a region with the same
/// number share a server (and its CPU, memory, WAL and connections), tenants with different numbers have one each.
/// </param>
public sealed record TenantSpec(string Name, int DatabaseServer)
{
    /// <summary>The region the tenant lives in; null for the topology's first region.</summary>
    public string? Region { get; init; }

    /// <summary>
    /// The region keeping a streaming replica of the tenant's server for disaster recovery only (Odoo never reads it),
    /// reached through the fault proxy; null for none. Tenants sharing a server share its replica.
    /// </summary>
    public string? DrRegion { get; init; }
}
