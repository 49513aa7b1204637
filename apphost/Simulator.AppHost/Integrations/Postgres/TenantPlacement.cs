using Simulator.AppHost.Integrations.Containers;

namespace Simulator.AppHost.Integrations.Postgres;

/// <summary>
/// One tenant's database and the PostgreSQL server holding it: where the Odoo init creates it and where the tenant
/// router sends it.
/// </summary>
/// <param name="Database">The tenant's database (its name, what Odoo clients pass as <c>db</c>).</param>
/// <param name="Server">The server's PostgreSQL address inside the containers' network.</param>
public sealed record TenantPlacement(string Database, ContainerAddress Server);
