using System.Text.Json.Serialization;

namespace Simulator.Chaos;

/// <summary>
/// What creates a proxy (<c>POST /proxies</c>) or one entry of <c>POST /populate</c>.
/// </summary>
/// <param name="Name">The proxy's unique name.</param>
/// <param name="Listen">The address to listen on, e.g. <c>127.0.0.1:0</c> for a free port.</param>
/// <param name="Upstream">The <c>host:port</c> to forward connections to.</param>
public sealed record ProxyConfig(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("listen")] string Listen,
    [property: JsonPropertyName("upstream")] string Upstream)
{
    /// <summary>Whether the proxy listens right away (default true).</summary>
    [JsonPropertyName("enabled")]
    public bool Enabled { get; init; } = true;
}
