using System.Text.Json.Serialization;

namespace Simulator.Chaos;

/// <summary>
/// A partial update of a proxy (<c>PATCH /proxies/{proxy}</c>): fields left null are kept.
/// Changing <see cref="Listen"/> or <see cref="Upstream"/> restarts the proxy and drops its connections.
/// </summary>
public sealed record ProxyUpdate
{
    /// <summary>A new listen address, or null to keep it.</summary>
    [JsonPropertyName("listen")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Listen { get; init; }

    /// <summary>A new upstream address, or null to keep it.</summary>
    [JsonPropertyName("upstream")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Upstream { get; init; }

    /// <summary>Enable (listen) or disable (stop listening, close connections), or null to keep it.</summary>
    [JsonPropertyName("enabled")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Enabled { get; init; }
}
