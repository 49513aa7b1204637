using System.Text.Json;
using System.Text.Json.Nodes;

namespace Simulator.Scenarios.Tests.Schema;

/// <summary>Editors find the schema: the modeline of every shipped scenario, and the workspace setting.</summary>
public class EditorSetupTests
{
    private const string Modeline = "# yaml-language-server: $schema=schema/scenario.schema.json";

    [Theory]
    [MemberData(nameof(SchemaConformanceTests.ShippedScenarios), MemberType = typeof(SchemaConformanceTests))]
    public void Every_shipped_scenario_names_the_schema_on_its_first_line(string file)
    {
        // The path is relative to the file: scenarios/schema/scenario.schema.json.
        Assert.Equal(Modeline, File.ReadLines(Fixtures.Shipped(file)).First());
    }

    [Fact]
    public void The_workspace_maps_the_schema_to_the_scenario_files()
    {
        var settings = JsonNode.Parse(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Editor", "settings.json")),
            documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!;

        var globs = ScenarioSchema.Strings(settings["yaml.schemas"]?["./" + ScenarioSchema.RepositoryPath]);

        Assert.Contains("scenarios/*.yaml", globs);
        Assert.Contains("scenarios/topologies/*.yaml", ScenarioSchema.Strings(settings["yaml.schemas"]?["./scenarios/schema/topology.schema.json"]));
    }

    [Theory]
    [MemberData(nameof(TopologySchemaTests.CatalogueFiles), MemberType = typeof(TopologySchemaTests))]
    public void Every_catalogue_topology_names_the_topology_schema_on_its_first_line(string file)
    {
        Assert.Equal("# yaml-language-server: $schema=../schema/topology.schema.json", File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Topologies", file)).First());
    }

    [Fact]
    public void The_schema_is_draft_07_which_the_yaml_language_server_supports()
    {
        Assert.Equal("http://json-schema.org/draft-07/schema#", ScenarioSchema.Document["$schema"]!.GetValue<string>());
    }
}
