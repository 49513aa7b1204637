using System.Text.Json.Serialization;

namespace Simulator.Chaos;

/// <summary>
/// The direction of a proxied connection a toxic acts on: the <c>stream</c> field of the Toxiproxy API.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ToxicDirection>))]
public enum ToxicDirection
{
    /// <summary>Client to server (requests). Serialized as <c>"upstream"</c>.</summary>
    [JsonStringEnumMemberName("upstream")]
    Upstream = 0,

    /// <summary>Server to client (responses); Toxiproxy's default. Serialized as <c>"downstream"</c>.</summary>
    [JsonStringEnumMemberName("downstream")]
    Downstream = 1,
}
