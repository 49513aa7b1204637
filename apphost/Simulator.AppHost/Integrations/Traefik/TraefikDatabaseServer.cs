using Simulator.AppHost.Integrations.Containers;

namespace Simulator.AppHost.Integrations.Traefik;

/// <summary>One Patroni-managed PostgreSQL node as a region's Traefik reaches it.</summary>
/// <param name="Name">Resource name, e.g. <c>eu-pg-1</c>.</param>
/// <param name="Postgres">PostgreSQL's address from the region (the node itself, or a fault-proxy link).</param>
/// <param name="Patroni">Patroni's REST API from the region; on the same host as <paramref name="Postgres"/>.</param>
/// <param name="InRegion">True when the node runs in the ingress's own region (read traffic stays local).</param>
public sealed record TraefikDatabaseServer(string Name, ContainerAddress Postgres, ContainerAddress Patroni, bool InRegion);
