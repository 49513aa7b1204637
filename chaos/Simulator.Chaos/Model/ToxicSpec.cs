using System.Text.Json.Serialization;

namespace Simulator.Chaos;

/// <summary>
/// What creates a toxic (<c>POST /proxies/{proxy}/toxics</c>).
/// </summary>
/// <param name="Type">The toxic type, one of <see cref="ToxicTypes"/>.</param>
public sealed record ToxicSpec([property: JsonPropertyName("type")] string Type)
{
    /// <summary>The toxic's name; null lets the server pick <c>&lt;type&gt;_&lt;stream&gt;</c>.</summary>
    [JsonPropertyName("name")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Name { get; init; }

    /// <summary>The direction it acts on (default downstream).</summary>
    [JsonPropertyName("stream")]
    public ToxicDirection Stream { get; init; } = ToxicDirection.Downstream;

    /// <summary>The probability, from 0 to 1, that it applies to a given connection (default 1).</summary>
    [JsonPropertyName("toxicity")]
    public double Toxicity { get; init; } = 1.0;

    /// <summary>The type's attributes, e.g. <c>latency</c> and <c>jitter</c> for a latency toxic.</summary>
    [JsonPropertyName("attributes")]
    public IReadOnlyDictionary<string, long> Attributes { get; init; } = new Dictionary<string, long>();
}
