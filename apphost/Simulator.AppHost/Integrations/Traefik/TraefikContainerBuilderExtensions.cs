using System.Globalization;
using Simulator.AppHost.Integrations.Containers;

namespace Simulator.AppHost.Integrations.Traefik;

/// <summary>Adds Traefik ingresses of the containers runtime.</summary>
public static class TraefikContainerBuilderExtensions
{
    /// <summary>
    /// Adds a region's Traefik with <paramref name="routes"/> rendered into its dynamic configuration.
    /// It is healthy once <c>/ping</c> answers; routing to a node that is not up yet is Traefik's own
    /// health checks' business, so it needs to wait for nothing.
    /// </summary>
    public static IResourceBuilder<TraefikContainerResource> AddTraefikContainerIngress(
        this IDistributedApplicationBuilder builder, string name, ContainerImage image, TraefikRegionRoutes routes)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(routes);
        var ingress = builder.AddResource(new TraefikContainerResource(name))
            .WithPinnedImage(image)
            .WithLoopbackEndpoint(TraefikContainerResource.HttpEndpointName, TraefikContainerResource.HttpPort, "http")
            .WithLoopbackEndpoint(TraefikContainerResource.DashboardEndpointName, TraefikContainerResource.DashboardPort, "http")
            .WithArgs([.. StaticConfiguration(routes)])
            .WithGeneratedFile(TraefikContainerResource.DynamicConfigDirectory, TraefikContainerResource.DynamicConfigFile, TraefikDynamicConfig.Render(routes))
            .WithHttpHealthCheck("/ping", endpointName: TraefikContainerResource.DashboardEndpointName)
            .WithIconName("ArrowRouting");
        if (routes.DatabaseServers.Count > 0)
        {
            ingress.WithLoopbackEndpoint(TraefikContainerResource.PostgresEndpointName, TraefikContainerResource.PostgresPort);
        }

        if (routes.HasLocalReplicaRoute)
        {
            ingress.WithLoopbackEndpoint(TraefikContainerResource.ReplicaEndpointName, TraefikContainerResource.ReplicaPort);
        }

        return ingress;
    }

    /// <summary>Traefik's static configuration as command-line flags: entry points, the file provider, ping and the dashboard.</summary>
    public static IReadOnlyList<string> StaticConfiguration(TraefikRegionRoutes routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var args = new List<string>
        {
            EntryPoint(TraefikContainerResource.HttpEndpointName, TraefikContainerResource.HttpPort),
            EntryPoint("traefik", TraefikContainerResource.DashboardPort),
            $"--providers.file.directory={TraefikContainerResource.DynamicConfigDirectory}",
            "--providers.file.watch=false",
            "--ping=true",
            "--api.dashboard=true",
            "--api.insecure=true",
            "--log.level=INFO",
            // A topology is torn down within seconds; do not make the engine wait for idle connections.
            $"--entryPoints.{TraefikContainerResource.HttpEndpointName}.transport.lifeCycle.graceTimeOut=1s",
        };
        if (routes.DatabaseServers.Count > 0)
        {
            args.Add(EntryPoint(TraefikContainerResource.PostgresEndpointName, TraefikContainerResource.PostgresPort));
        }

        if (routes.HasLocalReplicaRoute)
        {
            args.Add(EntryPoint(TraefikContainerResource.ReplicaEndpointName, TraefikContainerResource.ReplicaPort));
        }

        return args;
    }

    private static string EntryPoint(string name, int port) =>
        string.Create(CultureInfo.InvariantCulture, $"--entryPoints.{name}.address=:{port}");
}
