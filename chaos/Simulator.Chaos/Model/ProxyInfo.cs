using System.Text.Json.Serialization;

namespace Simulator.Chaos;

/// <summary>
/// A proxy as the Toxiproxy API reports it: <c>{name, listen, upstream, enabled, toxics}</c>.
/// </summary>
public sealed record ProxyInfo
{
    /// <summary>The proxy's unique name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>The address it listens on; the real port once it has listened with port 0.</summary>
    [JsonPropertyName("listen")]
    public string Listen { get; init; } = "";

    /// <summary>The address it forwards connections to.</summary>
    [JsonPropertyName("upstream")]
    public string Upstream { get; init; } = "";

    /// <summary>Whether it is listening and forwarding.</summary>
    [JsonPropertyName("enabled")]
    public bool Enabled { get; init; }

    /// <summary>Its active toxics, upstream ones first, each in the order added.</summary>
    [JsonPropertyName("toxics")]
    public IReadOnlyList<ToxicInfo> Toxics { get; init; } = [];
}
