using Simulator.AppHost.Integrations.Containers;

namespace Simulator.AppHost.Integrations.Traefik;

/// <summary>The Traefik image of the containers runtime.</summary>
public static class TraefikContainerImages
{
    /// <summary>
    /// Traefik v3.6: the first line with health checks on TCP services (<c>port</c>, <c>send</c>,
    /// <c>expect</c>), which the leader routing needs.
    /// </summary>
    public static ContainerImage Traefik { get; } = new("traefik", "docker.io", "library/traefik", "v3.6.21");
}
