using Simulator.Chaos;

namespace Simulator.AppHost.Integrations.FaultProxy;

/// <summary>
/// The project's Toxiproxy-compatible fault proxy (<c>sim toxiproxy-server</c>) run as a process of its own: every
/// cross-region connection of a topology goes through one of its links, named <c>&lt;from&gt;-&gt;&lt;to&gt;:&lt;service&gt;</c>.
/// Each link is a proxyless endpoint of this resource, so its port is known before anything starts; the proxy
/// itself is created at start from a <c>-config</c> file holding every link's listen and upstream address.
/// </summary>
public sealed class FaultProxyResource(string name, string command, string workingDirectory, string configFile)
    : ExecutableResource(name, command, workingDirectory)
{
    /// <summary>Name of the endpoint the Toxiproxy HTTP API listens on.</summary>
    public const string ApiEndpointName = "api";

    /// <summary>Path of the API that answers 200 once the proxy runs (Toxiproxy's <c>GET /version</c>).</summary>
    public const string HealthPath = "/version";

    private readonly List<FaultProxyLink> _links = [];

    /// <summary>The <c>-config</c> file written at start: a JSON array of <c>{name, listen, upstream}</c>.</summary>
    public string ConfigFile { get; } = configFile;

    /// <summary>The API endpoint.</summary>
    public EndpointReference Api => new(this, ApiEndpointName);

    /// <summary>The API's URL with the loopback address spelled out (the proxy binds 127.0.0.1 only).</summary>
    public string ApiUrl => $"http://127.0.0.1:{Api.Port}";

    /// <summary>The links, in the order added.</summary>
    public IReadOnlyList<FaultProxyLink> Links => _links;

    /// <summary>The link of that name, or null when the proxy has none.</summary>
    /// <param name="name">The link's name.</param>
    /// <returns>The link, or null.</returns>
    public FaultProxyLink? FindLink(LinkName name) => _links.Find(l => l.Name == name);

    internal void Add(FaultProxyLink link) => _links.Add(link);
}
