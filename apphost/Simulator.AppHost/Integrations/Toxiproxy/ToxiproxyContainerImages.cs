using Simulator.AppHost.Integrations.Containers;

namespace Simulator.AppHost.Integrations.Toxiproxy;

/// <summary>The Toxiproxy image of the containers runtime (the real server; the native runtime runs the project's compatible proxy).</summary>
public static class ToxiproxyContainerImages
{
    /// <summary>Shopify's Toxiproxy 2.9.0.</summary>
    public static ContainerImage Toxiproxy { get; } = new("toxiproxy", "ghcr.io", "shopify/toxiproxy", "2.9.0");
}
