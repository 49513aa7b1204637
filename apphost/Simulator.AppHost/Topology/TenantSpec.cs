namespace Simulator.AppHost.Topology;

/// <summary>
/// One tenant of a multi-tenant topology: an Odoo database of its own, which every Odoo node serves beside the other
/// tenants' (as one Odoo server serves several databases), placed on one of the first region's PostgreSQL servers.
/// </summary>
/// <param name="Name">The tenant's name, which is also its database's name (what clients pass as <c>db</c>), e.g. <c>acme</c>.</param>
/// <param name="DatabaseServer">
/// Which PostgreSQL server of the first region holds the database, from 1 (<c>eu-pg-1</c>): tenants with the same
/// number share a server (and its CPU, memory, WAL and connections), tenants with different numbers have one each.
/// </param>
public sealed record TenantSpec(string Name, int DatabaseServer);
