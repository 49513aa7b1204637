using System.Globalization;
using System.Text.Json;
using Simulator.AppHost.Integrations.Containers;
using Simulator.AppHost.Topology;

namespace Simulator.AppHost.Integrations.Toxiproxy;

/// <summary>
/// Cross-region links of the containers runtime: each link a Toxiproxy proxy listening in the Toxiproxy
/// container and forwarding to the service, so latency, cuts and partitions are set per link through
/// Toxiproxy's API. Within a region clients connect straight to the service.
/// </summary>
public sealed class ToxiproxyContainerLinks(IResourceBuilder<ToxiproxyContainerResource> proxy) : IRegionLinks
{
    /// <summary>First listener port inside the Toxiproxy container.</summary>
    public const int FirstListenPort = 20000;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private readonly Dictionary<string, ToxiproxyContainerLink> _links = new(StringComparer.Ordinal);

    /// <summary>Every link created so far, in creation order.</summary>
    public IReadOnlyList<ToxiproxyContainerLink> Links => [.. _links.Values.OrderBy(l => l.Listen)];

    /// <summary>The name DESIGN.md gives a link.</summary>
    public static string LinkName(string fromRegion, string toRegion, string service) => $"{fromRegion}->{toRegion}:{service}";

    /// <inheritdoc/>
    public EndpointReference Reach(string fromRegion, string toRegion, string service, EndpointReference target) =>
        fromRegion == toRegion ? target : Link(LinkName(fromRegion, toRegion, service), target);

    /// <inheritdoc/>
    public EndpointReference ReachFromAnyRegion(string toRegion, string service, EndpointReference target) =>
        Link(LinkName("*", toRegion, service), target);

    /// <summary>Toxiproxy's <c>-config</c> file: every link as a proxy, enabled.</summary>
    public string RenderConfig() => JsonSerializer.Serialize(
        Links.Select(l => new Dictionary<string, object>
        {
            ["name"] = l.Name,
            ["listen"] = string.Create(CultureInfo.InvariantCulture, $"0.0.0.0:{l.Listen}"),
            ["upstream"] = l.Upstream.ToString(),
            ["enabled"] = true,
        }),
        Indented);

    /// <summary>Writes the proxy list into the Toxiproxy container; call once every link is known.</summary>
    public void WriteConfig() =>
        proxy.WithGeneratedFile(ToxiproxyContainerResource.ConfigDirectory, ToxiproxyContainerResource.ConfigFile, RenderConfig());

    private EndpointReference Link(string name, EndpointReference target)
    {
        if (!_links.TryGetValue(name, out var link))
        {
            var listen = FirstListenPort + _links.Count;
            link = new ToxiproxyContainerLink(
                name, string.Create(CultureInfo.InvariantCulture, $"link-{listen}"), listen, ContainerAddress.Of(target));
            _links.Add(name, link);
            proxy.WithLoopbackEndpoint(link.EndpointName, listen);
        }
        else if (link.Upstream != ContainerAddress.Of(target))
        {
            throw new InvalidOperationException($"link {name} already forwards to {link.Upstream}, not {ContainerAddress.Of(target)}");
        }

        return proxy.GetEndpoint(link.EndpointName);
    }
}
