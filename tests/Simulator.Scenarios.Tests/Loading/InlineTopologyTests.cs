namespace Simulator.Scenarios.Tests.Loading;

public class InlineTopologyTests
{
    [Fact]
    public void An_inline_topology_is_read_with_the_keys_of_a_topology_file()
    {
        var result = ScenarioLoader.Load(Fixtures.Path("inline-topology.yaml"));

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        var scenario = result.Scenario;
        Assert.Equal("eu-small", scenario.Topology);
        var inline = Assert.IsType<TopologyDefinition>(scenario.InlineTopology);
        Assert.Equal(("eu-small", "One region, one Odoo node, a primary and one standby."), (inline.Name, inline.Description));
        Assert.Equal([new TopologyRegion("eu", 1, 1)], inline.Regions);
        Assert.Equal(TopologyDatabase.StreamingEngine, inline.Database.Engine);
        Assert.Equal(new SourceLocation(9, 7), scenario.Locations.Find("topology.regions[0]"));
    }

    [Fact]
    public void A_named_topology_leaves_the_inline_one_empty()
    {
        var result = Fixtures.Parse(Fixtures.Minimal + "\ntopology: two-region\n");

        Assert.True(result.Succeeded);
        Assert.Equal("two-region", result.Scenario.Topology);
        Assert.Null(result.Scenario.InlineTopology);
    }

    [Fact]
    public void Workloads_and_faults_are_checked_against_the_inline_topologys_regions_and_the_catalogues_outline_of_it()
    {
        var catalog = new InMemoryTopologyCatalog(new TopologyOutline("single-region-ha", ["eu"], ["eu-pg-1"]));
        var result = Fixtures.Parse(
            """
            name: x
            topology:
              name: far
              regions: [{ name: apac }, { name: us, odoo_nodes: 2 }]
            duration: 60s
            workloads:
              - { name: order-import, region: eu, model: constant-rate, rate: 1/s }
            faults:
              - { at: 1s, partition: us, for: 5s }
            """,
            new ScenarioLoadOptions { Catalog = catalog });

        var error = Assert.Single(result.Errors);
        Assert.Equal(("workloads[0].region", 7), (error.Field, error.Line));
        Assert.Contains("`eu`", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mistakes_inside_an_inline_topology_are_located_in_the_scenario_file()
    {
        var result = Fixtures.Parse(
            """
            name: x
            topology:
              name: far
              regions: [{ name: eu, odoo_node: 2 }]
              database: { engine: patroni, replication: sync, timing: slow }
            duration: 60s
            workloads:
              - { name: order-import, region: eu, model: constant-rate, rate: 1/s }
            """);

        Assert.Equal(
            [(4, 25, "topology.regions[0].odoo_node", "did you mean `odoo_nodes`?"), (5, 59, "topology.database.timing", "one of default, fast")],
            result.Errors.Select(e => (e.Line, e.Column, e.Field, e.Hint)));
    }
}
