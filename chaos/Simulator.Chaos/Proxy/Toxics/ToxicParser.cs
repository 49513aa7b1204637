using System.Text.Json;

namespace Simulator.Chaos.Proxy.Toxics;

/// <summary>Reads toxic JSON (create and update bodies) with Toxiproxy's defaults and error messages.</summary>
internal static class ToxicParser
{
    /// <summary>
    /// Parses a create body: name (default <c>&lt;type&gt;_&lt;stream&gt;</c>), type, stream (default
    /// downstream), toxicity (default 1) and attributes (missing ones are 0). Checks in Toxiproxy's order.
    /// </summary>
    public static ToxicDefinition ParseNew(JsonElement body, bool extensions, Func<string, bool> nameTaken, string? defaultName = null)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw ApiException.BadRequest("expected a JSON object");
        }

        var name = OptionalString(body, "name");
        var type = OptionalString(body, "type");
        var streamText = OptionalString(body, "stream");
        var toxicity = ParseToxicity(body, 1.0);
        var stream = ParseStream(streamText);
        if (string.IsNullOrEmpty(name))
        {
            name = defaultName ?? $"{type}_{(stream == ToxicDirection.Upstream ? "upstream" : "downstream")}";
        }

        var kind = ToxicKind.Find(type, extensions) ?? throw ApiException.InvalidToxicType();
        if (nameTaken(name))
        {
            throw ApiException.ToxicAlreadyExists();
        }

        var attributes = ParseAttributes(body, kind, new long[kind.AttributeNames.Count]);
        return ToxicDefinition.Create(name, kind, stream, toxicity, attributes);
    }

    /// <summary>
    /// Parses an update body onto an existing toxic: given attributes replace the current ones, the others
    /// stay; toxicity stays unless given. Name, type and stream cannot change (ignored, as in Toxiproxy).
    /// </summary>
    public static ToxicDefinition ParseUpdate(JsonElement body, ToxicDefinition current)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw ApiException.BadRequest("expected a JSON object");
        }

        var toxicity = ParseToxicity(body, current.Toxicity);
        var attributes = ParseAttributes(body, current.Kind, [.. current.Attributes]);
        return current.With(toxicity, attributes);
    }

    public static ToxicDirection ParseStream(string? text)
    {
        if (string.IsNullOrEmpty(text) || string.Equals(text, "downstream", StringComparison.OrdinalIgnoreCase))
        {
            return ToxicDirection.Downstream;
        }

        return string.Equals(text, "upstream", StringComparison.OrdinalIgnoreCase) ? ToxicDirection.Upstream : throw ApiException.InvalidStream();
    }

    public static string? OptionalString(JsonElement body, string property)
    {
        if (!body.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw ApiException.BadRequest($"field \"{property}\" must be a string");
    }

    private static double ParseToxicity(JsonElement body, double fallback)
    {
        if (!body.TryGetProperty("toxicity", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return fallback;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var toxicity))
        {
            throw ApiException.BadRequest("field \"toxicity\" must be a number");
        }

        return toxicity is >= 0 and <= 1 ? toxicity : throw ApiException.BadRequest("toxicity must be between 0 and 1");
    }

    private static long[] ParseAttributes(JsonElement body, ToxicKind kind, long[] values)
    {
        if (!body.TryGetProperty("attributes", out var attributes) || attributes.ValueKind == JsonValueKind.Null)
        {
            return values;
        }

        if (attributes.ValueKind != JsonValueKind.Object)
        {
            throw ApiException.BadRequest("field \"attributes\" must be an object");
        }

        foreach (var attribute in attributes.EnumerateObject())
        {
            var index = kind.IndexOf(attribute.Name);
            if (index < 0)
            {
                // Unknown attributes are ignored, as Go's decoder does.
                continue;
            }

            if (attribute.Value.ValueKind != JsonValueKind.Number || !attribute.Value.TryGetInt64(out var number))
            {
                throw ApiException.BadRequest($"attribute \"{attribute.Name}\" must be an integer");
            }

            if (number < 0)
            {
                throw ApiException.BadRequest($"attribute \"{attribute.Name}\" must not be negative");
            }

            values[index] = number;
        }

        return values;
    }
}
