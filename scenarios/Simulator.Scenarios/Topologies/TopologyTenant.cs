namespace Simulator.Scenarios;

/// <summary>One tenant of a <see cref="TopologyDefinition"/>: the <c>tenants:</c> items.</summary>
/// <param name="Name">The tenant, which is also its Odoo database's name, e.g. <c>acme</c>.</param>
/// <param name="DatabaseServer">
/// Which of its region's PostgreSQL servers holds its database (<c>database_server</c>, from 1): tenants of a region
/// with the same number share a server, as on a multi-tenant one; a number of its own is a dedicated server.
/// </param>
public sealed record TopologyTenant(string Name, int DatabaseServer)
{
    /// <summary>
    /// The region whose PostgreSQL server holds the database and whose Odoo nodes alone serve it (data residency);
    /// null for the first region (<c>region</c>).
    /// </summary>
    public string? Region { get; init; }

    /// <summary>
    /// The region keeping a streaming replica of the tenant's server for disaster recovery only, never read by Odoo
    /// (<c>dr_region</c>); null for none. Tenants sharing a server share its replica.
    /// </summary>
    public string? DrRegion { get; init; }
}
