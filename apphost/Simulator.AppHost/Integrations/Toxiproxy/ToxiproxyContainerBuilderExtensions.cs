using Simulator.AppHost.Integrations.Containers;

namespace Simulator.AppHost.Integrations.Toxiproxy;

/// <summary>Adds the Toxiproxy server of the containers runtime.</summary>
public static class ToxiproxyContainerBuilderExtensions
{
    /// <summary>
    /// Adds Toxiproxy, loading its proxies from the file <see cref="ToxiproxyContainerLinks.WriteConfig"/>
    /// writes; healthy once its API answers <c>/version</c>. It needs nothing to be up: a proxy connects
    /// upstream only when a client connects.
    /// </summary>
    public static IResourceBuilder<ToxiproxyContainerResource> AddToxiproxyContainer(
        this IDistributedApplicationBuilder builder, string name, ContainerImage image)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(image);
        return builder.AddResource(new ToxiproxyContainerResource(name))
            .WithPinnedImage(image)
            .WithLoopbackEndpoint(ToxiproxyContainerResource.ApiEndpointName, ToxiproxyContainerResource.ApiPort, "http")
            .WithArgs(
                "-host=0.0.0.0",
                $"-port={ToxiproxyContainerResource.ApiPort}",
                $"-config={ToxiproxyContainerResource.ConfigDirectory}/{ToxiproxyContainerResource.ConfigFile}")
            .WithHttpHealthCheck("/version", endpointName: ToxiproxyContainerResource.ApiEndpointName)
            .WithIconName("PlugDisconnected");
    }
}
