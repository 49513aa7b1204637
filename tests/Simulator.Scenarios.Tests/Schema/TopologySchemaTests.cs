using System.Text.Json.Nodes;

namespace Simulator.Scenarios.Tests.Schema;

/// <summary>
/// <c>scenarios/schema/topology.schema.json</c> declares what the loader reads in a topology (a catalogue file or a
/// scenario's inline <c>topology:</c>), accepts the catalogue and refuses the broken file.
/// </summary>
public class TopologySchemaTests
{
    private const string File = "scenarios/schema/topology.schema.json";

    public static TheoryData<string> CatalogueFiles() =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Topologies"), "*.yaml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(CatalogueFiles))]
    public void Every_catalogue_topology_loads_and_matches_the_schema(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Topologies", file);

        var loaded = TopologyLoader.Load(path);

        Assert.True(loaded.Succeeded, string.Join(Environment.NewLine, loaded.Errors));
        Assert.Empty(ScenarioSchema.TopologyErrors(System.IO.File.ReadAllText(path)));
    }

    [Fact]
    public void The_broken_topology_file_is_refused_by_the_schema_too()
    {
        var errors = ScenarioSchema.TopologyErrors(System.IO.File.ReadAllText(Fixtures.Path(Path.Combine("Topologies", "several-mistakes.yaml"))));

        Assert.NotEmpty(errors);
    }

    [Fact]
    public void The_scenario_schema_takes_a_topology_by_name_or_inline_and_refuses_a_broken_inline_one()
    {
        Assert.Empty(ScenarioSchema.Errors(System.IO.File.ReadAllText(Fixtures.Path("inline-topology.yaml"))));
        Assert.Empty(ScenarioSchema.Errors(Fixtures.Minimal + "\ntopology: two-region\n"));
        Assert.NotEmpty(ScenarioSchema.Errors(Fixtures.Minimal + "\ntopology: { name: t, regions: [{ name: eu, odoo_node: 2 }] }\n"));
        Assert.NotEmpty(ScenarioSchema.Errors(Fixtures.Minimal + "\ntopology: { name: t, regions: [{ name: eu }], database: { timing: fast } }\n"));
    }

    [Fact]
    public void Every_topology_mapping_declares_exactly_the_keys_the_loader_reads()
    {
        var problems = new List<string>();
        foreach (var (path, keys) in TopologyVocabulary.Mappings)
        {
            var (pointer, node) = NodeFor(path);
            var schema = (node["properties"] as JsonObject)?.Select(p => p.Key).ToHashSet(StringComparer.Ordinal) ?? [];
            problems.AddRange(keys.Except(schema).Select(k => $"the loader reads `{k}` at `{path}`, but {File} does not declare it under {pointer}/properties"));
            problems.AddRange(schema.Except(keys).Select(k => $"{File} declares `{k}` at {pointer}/properties, which the loader does not read"));
            if (node["additionalProperties"]?.GetValue<bool>() != false)
            {
                problems.Add($"{pointer} must set additionalProperties: false, as the loader refuses unknown keys");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void The_database_values_match_the_loaders()
    {
        var database = NodeFor("database").Node["properties"]!;

        Assert.Equal(TopologyDatabase.Engines, ScenarioSchema.Strings(database["engine"]!["enum"]));
        Assert.Equal(DatabaseSettings.ReplicationModes, ScenarioSchema.Strings(database["replication"]!["enum"]));
        Assert.Equal(DatabaseSettings.Timings, ScenarioSchema.Strings(database["timing"]!["enum"]));
    }

    private static (string Pointer, JsonObject Node) NodeFor(string path)
    {
        var pointer = "#";
        JsonObject node = ScenarioSchema.TopologyDocument;
        foreach (var segment in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var key = segment.TrimEnd('[', ']');
            (pointer, node) = Follow($"{pointer}/properties/{key}", node["properties"]![key]!.AsObject());
            if (segment.EndsWith("[]", StringComparison.Ordinal))
            {
                (pointer, node) = Follow(pointer + "/items", node["items"]!.AsObject());
            }
        }

        return (pointer, node);
    }

    private static (string Pointer, JsonObject Node) Follow(string pointer, JsonObject node)
    {
        if (node["$ref"]?.GetValue<string>() is not { } reference)
        {
            return (pointer, node);
        }

        JsonNode target = ScenarioSchema.TopologyDocument;
        foreach (var part in reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            target = target[part]!;
        }

        return Follow(reference, target.AsObject());
    }
}
