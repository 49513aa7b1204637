using System.Text.Json;
using System.Text.Json.Serialization;

namespace Simulator.Chaos;

/// <summary>
/// A toxic as the Toxiproxy API reports it: <c>{name, type, stream, toxicity, attributes}</c>.
/// </summary>
public sealed record ToxicInfo
{
    /// <summary>The toxic's name, unique within its proxy (default <c>&lt;type&gt;_&lt;stream&gt;</c>).</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>The toxic type, one of <see cref="ToxicTypes"/> (or a type only the real Toxiproxy knows).</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = "";

    /// <summary>The direction it acts on.</summary>
    [JsonPropertyName("stream")]
    public ToxicDirection Stream { get; init; } = ToxicDirection.Downstream;

    /// <summary>The probability, from 0 to 1, that it applies to a given connection.</summary>
    [JsonPropertyName("toxicity")]
    public double Toxicity { get; init; } = 1.0;

    /// <summary>The type's attributes, as sent by the server.</summary>
    [JsonPropertyName("attributes")]
    public IReadOnlyDictionary<string, JsonElement> Attributes { get; init; } = new Dictionary<string, JsonElement>();

    /// <summary>Reads a numeric attribute, or null when it is absent or not an integer.</summary>
    /// <param name="name">The attribute name, e.g. <c>latency</c>.</param>
    /// <returns>The attribute's value, or null.</returns>
    public long? GetInt64(string name) =>
        Attributes.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var result)
            ? result
            : null;
}
