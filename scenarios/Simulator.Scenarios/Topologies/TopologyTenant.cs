namespace Simulator.Scenarios;

/// <summary>One tenant of a <see cref="TopologyDefinition"/>: the <c>tenants:</c> items.</summary>
/// <param name="Name">The tenant, which is also its Odoo database's name, e.g. <c>acme</c>.</param>
/// <param name="DatabaseServer">
/// Which of the first region's PostgreSQL servers holds its database (<c>database_server</c>, from 1): tenants with the
/// same number share a server, as on a multi-tenant one; a number of its own is a dedicated server.
/// </param>
public sealed record TopologyTenant(string Name, int DatabaseServer);
