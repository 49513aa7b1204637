namespace Simulator.AppHost.Integrations.Postgres;

/// <summary>
/// A tenant topology's database router in the containers runtime: PgBouncer sending each tenant's database to its
/// server, because an Odoo server reads one <c>db_host</c> for every database it serves.
/// </summary>
/// <param name="name">Resource name (<c>&lt;region&gt;-tenant-router</c>).</param>
public sealed class TenantRouterContainerResource(string name) : ContainerResource(name)
{
    /// <summary>Name of the PostgreSQL-protocol endpoint.</summary>
    public const string EndpointName = "tcp";

    /// <summary>PgBouncer's port inside the container.</summary>
    public const int Port = 6432;

    /// <summary>The PostgreSQL-protocol endpoint.</summary>
    public EndpointReference Endpoint => new(this, EndpointName);
}
