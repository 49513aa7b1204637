using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Simulator.Scenarios.Tests.Schema;

/// <summary>The scenario JSON Schema shipped in <c>scenarios/schema/</c>, as a validator and as a document to inspect.</summary>
internal static class ScenarioSchema
{
    public const string RepositoryPath = "scenarios/schema/scenario.schema.json";

    public static string FilePath { get; } = Path.Combine(AppContext.BaseDirectory, "Schema", "scenario.schema.json");

    /// <summary>The schema as JSON, for tests that read what it declares.</summary>
    public static JsonObject Document { get; } = JsonNode.Parse(File.ReadAllText(FilePath))!.AsObject();

    /// <summary>The topology schema, which the scenario's inline <c>topology:</c> refers to by its relative path.</summary>
    public static string TopologyFilePath { get; } = Path.Combine(AppContext.BaseDirectory, "Schema", "topology.schema.json");

    /// <summary>The topology schema as JSON.</summary>
    public static JsonObject TopologyDocument { get; } = JsonNode.Parse(File.ReadAllText(TopologyFilePath))!.AsObject();

    // Loaded from their files, so that the scenario schema's relative reference resolves to the registered topology schema.
    private static readonly JsonSchema TopologyValidator = JsonSchema.FromFile(TopologyFilePath);

    private static readonly JsonSchema Validator = JsonSchema.FromFile(FilePath);

    /// <summary>Every error the schema finds in a YAML scenario, as <c>location: message</c>; empty when it conforms.</summary>
    public static IReadOnlyList<string> Errors(string yaml) => Evaluate(Validator, yaml);

    /// <summary>Every error the topology schema finds in a YAML topology file; empty when it conforms.</summary>
    public static IReadOnlyList<string> TopologyErrors(string yaml) => Evaluate(TopologyValidator, yaml);

    private static List<string> Evaluate(JsonSchema schema, string yaml)
    {
        var instance = YamlJson.Read(yaml);
        var element = JsonSerializer.SerializeToElement(instance);
        var result = schema.Evaluate(element, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : [.. (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).DefaultIfEmpty("invalid")];
    }

    /// <summary>The schema node at a JSON pointer such as <c>#/definitions/workload</c>.</summary>
    public static JsonObject At(string pointer)
    {
        JsonNode node = Document;
        foreach (var part in pointer.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)]
                ?? throw new KeyNotFoundException($"{RepositoryPath} has nothing at {pointer}");
        }

        return node.AsObject();
    }

    /// <summary>The node itself, or the node its <c>$ref</c> points to.</summary>
    public static JsonObject Resolve(JsonObject node) =>
        node["$ref"]?.GetValue<string>() is { } reference ? Resolve(At(reference)) : node;

    /// <summary>The strings of a JSON array, such as an <c>enum</c> or <c>required</c>; empty when absent.</summary>
    public static IReadOnlyList<string> Strings(JsonNode? array) => array is JsonArray items ? [.. items.Select(i => i!.GetValue<string>())] : [];
}
