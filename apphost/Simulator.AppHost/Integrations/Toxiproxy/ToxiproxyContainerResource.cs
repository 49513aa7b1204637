namespace Simulator.AppHost.Integrations.Toxiproxy;

/// <summary>
/// Shopify's Toxiproxy (the <c>containers</c> face of the fault proxy): its HTTP API, and one listener
/// per cross-region link (<see cref="ToxiproxyContainerLinks"/>), each an endpoint of this container.
/// </summary>
public sealed class ToxiproxyContainerResource(string name) : ContainerResource(name)
{
    /// <summary>Name of the API endpoint.</summary>
    public const string ApiEndpointName = "api";

    /// <summary>API port inside the container.</summary>
    public const int ApiPort = 8474;

    /// <summary>Folder of the proxy list loaded at start (<c>-config</c>).</summary>
    public const string ConfigDirectory = "/etc/toxiproxy";

    /// <summary>File name of the proxy list.</summary>
    public const string ConfigFile = "proxies.json";

    /// <summary>The API endpoint.</summary>
    public EndpointReference ApiEndpoint => new(this, ApiEndpointName);

    /// <summary>The API URL on the host (the Toxiproxy client's base address).</summary>
    public string ApiUrl => $"http://127.0.0.1:{ApiEndpoint.Port}";
}
