namespace Simulator.AppHost.Integrations.Traefik;

/// <summary>
/// A region's Traefik ingress (the <c>containers</c> face of the ingress): HTTP to the region's Odoo
/// nodes with sticky sessions, and TCP to the PostgreSQL leader (and a local replica) chosen by
/// Patroni's REST checks. Its routing is a generated file (<see cref="TraefikDynamicConfig"/>).
/// </summary>
public sealed class TraefikContainerResource(string name) : ContainerResource(name)
{
    /// <summary>Entry point and endpoint for HTTP (Odoo).</summary>
    public const string HttpEndpointName = "http";

    /// <summary>Entry point and endpoint for database writes, routed to the Patroni leader.</summary>
    public const string PostgresEndpointName = "postgres";

    /// <summary>Entry point and endpoint for read-only database traffic, routed to a local replica.</summary>
    public const string ReplicaEndpointName = "postgres-replica";

    /// <summary>Traefik's own API and dashboard.</summary>
    public const string DashboardEndpointName = "dashboard";

    /// <summary>Port of the HTTP entry point inside the container.</summary>
    public const int HttpPort = 80;

    /// <summary>Port of the leader entry point inside the container.</summary>
    public const int PostgresPort = 5432;

    /// <summary>Port of the replica entry point inside the container.</summary>
    public const int ReplicaPort = 5433;

    /// <summary>Port of the API, dashboard and <c>/ping</c> inside the container.</summary>
    public const int DashboardPort = 8080;

    /// <summary>Where the dynamic configuration is copied inside the container.</summary>
    public const string DynamicConfigDirectory = "/etc/traefik/dynamic";

    /// <summary>File name of the dynamic configuration.</summary>
    public const string DynamicConfigFile = "routes.yml";

    /// <summary>The HTTP entry point (the region's Odoo URL on the host).</summary>
    public EndpointReference HttpEndpoint => new(this, HttpEndpointName);

    /// <summary>The leader entry point.</summary>
    public EndpointReference PostgresEndpoint => new(this, PostgresEndpointName);

    /// <summary>The region's ingress URL on the host, loopback spelled out.</summary>
    public string IngressUrl => $"http://127.0.0.1:{HttpEndpoint.Port}";
}
