using Simulator.AppHost.Integrations.Containers;

namespace Simulator.AppHost.Integrations.Traefik;

/// <summary>One Odoo node behind a region's Traefik.</summary>
/// <param name="Name">Resource name, e.g. <c>eu-odoo-1</c>.</param>
/// <param name="Http">Its HTTP port (8069) on the container network.</param>
/// <param name="Websocket">Its gevent port (8072), which serves <c>/websocket</c> when Odoo runs with workers.</param>
public sealed record TraefikOdooServer(string Name, ContainerAddress Http, ContainerAddress Websocket);
