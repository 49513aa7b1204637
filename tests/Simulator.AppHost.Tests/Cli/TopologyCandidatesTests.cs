using Simulator.AppHost.Cli;
using Simulator.AppHost.Run;
using Simulator.AppHost.Topology;
using Simulator.Chaos;
using Simulator.Scenarios;

namespace Simulator.AppHost.Tests.Cli;

/// <summary>
/// What <c>sim compare --topologies</c> and a suite run's <c>topologies:</c> accept besides catalogue names: topology files,
/// and the scenario's inline topology by its name — and the faults marked <c>only-on</c> either.
/// </summary>
public sealed class TopologyCandidatesTests
{
    private static readonly string Variant = Fixtures.Path(Path.Combine("Topologies", "two-region-wide-us.yaml"));

    private const string InlineScenario = """
        name: inline
        topology:
          name: eu-only
          regions: [{ name: eu, odoo_nodes: 1, database_replicas: 1 }]
        duration: 20s
        workloads:
          - { name: order-import, region: eu, model: constant-rate, rate: 1/s }
        faults:
          - { at: 5s, kill: eu-pg-2, for: 5s, only-on: eu-only }
          - { at: 5s, kill: eu-odoo-2, for: 5s, only-on: single-region-ha }
        """;

    [Fact]
    public void A_topology_file_is_loaded_beside_the_catalogue_and_its_only_on_faults_run_on_it_alone()
    {
        using var printed = new StringWriter();
        string[] references = ["two-region", Variant];

        var files = TopologyCandidates.LoadFiles(references, printed);
        var scenario = ScenarioFiles.Load(Fixtures.Path("only-on-variant.yaml"), durationOverride: null, printed, [.. files!.Values]);
        var topologies = TopologyCandidates.Resolve(references, files, scenario!, printed, where: string.Empty);

        Assert.True(topologies is not null, printed.ToString());
        Assert.Equal(["two-region", "two-region-wide-us"], topologies.Select(t => t.Name));
        Assert.Equal(3, topologies[1].Regions.Single(r => r.Name == "us").OdooNodes);
        Assert.Contains("us-odoo-3", topologies[1].ResourceNames());
        // On two-region the kill of us-odoo-3 (which it lacks) is left out; on the variant it runs.
        Assert.Equal([FaultType.Partition], FaultPlan.Specs(ScenarioFiles.On(scenario!, topologies[0])).Select(f => f.Kind));
        Assert.Equal([FaultType.Partition, FaultType.Kill], FaultPlan.Specs(ScenarioFiles.On(scenario!, topologies[1])).Select(f => f.Kind));
        Assert.All(topologies, t => LoadPlanFactory.EnsureRunnable(ScenarioFiles.On(scenario!, t), t));
    }

    [Fact]
    public void Without_the_file_beside_it_only_on_the_variant_is_an_error_naming_the_line()
    {
        using var printed = new StringWriter();

        Assert.Null(ScenarioFiles.Load(Fixtures.Path("only-on-variant.yaml"), durationOverride: null, printed));

        var error = printed.ToString().Split(Environment.NewLine)[0];
        Assert.Contains("only-on-variant.yaml:14:41: faults[1].only-on: no topology is called `two-region-wide-us` (known topologies: dedicated-tenant, ", error, StringComparison.Ordinal);
        Assert.EndsWith("; a topology file counts when sim compare or a suite runs it alongside)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_topology_file_with_mistakes_or_none_at_all_is_reported_with_file_line_and_field()
    {
        using var printed = new StringWriter();
        var broken = Fixtures.Path(Path.Combine("Topologies", "variant-mistakes.yaml"));
        var missing = Fixtures.Path(Path.Combine("Topologies", "no-such-variant.yaml"));

        Assert.Null(TopologyCandidates.LoadFiles(["two-region", broken, missing], printed));

        var lines = printed.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            [
                $"{broken}:4:7: name: `two-region` is the name of a catalogue topology (give the variant a name of its own: reports, their folders and only-on tell topologies apart by name)",
                $"{broken}:7:29: regions[1].odoo_nodes: `many` is not a whole number (write a count such as 2)",
                $"{missing}: the file does not exist (check the path)",
                "3 errors",
            ],
            lines);
    }

    [Fact]
    public void The_inline_topology_is_a_candidate_by_its_name_and_only_on_may_name_it()
    {
        var loaded = ScenarioLoader.Parse(InlineScenario, "inline.yaml", ScenarioFiles.LoadOptions);
        Assert.True(loaded.Succeeded, string.Join(Environment.NewLine, loaded.Errors));
        using var printed = new StringWriter();
        string[] references = ["eu-only", "single-region-ha"];

        var topologies = TopologyCandidates.Resolve(references, new Dictionary<string, TopologySpec>(), loaded.Scenario, printed, where: string.Empty);

        Assert.True(topologies is not null, printed.ToString());
        Assert.Equal([(1, 1), (2, 1)], topologies.Select(t => (t.Regions[0].OdooNodes, t.Regions[0].DatabaseReplicas)));
        Assert.Equal(["eu-pg-2"], FaultPlan.Specs(ScenarioFiles.On(loaded.Scenario, topologies[0])).Select(f => f.Target));
        Assert.Equal(["eu-odoo-2"], FaultPlan.Specs(ScenarioFiles.On(loaded.Scenario, topologies[1])).Select(f => f.Target));
    }

    [Fact]
    public void Unknown_ambiguous_and_same_named_topologies_are_each_refused()
    {
        var inline = ScenarioLoader.Parse(InlineScenario.Replace("name: eu-only", "name: two-region", StringComparison.Ordinal), "inline.yaml").Scenario!;
        var files = new Dictionary<string, TopologySpec>
        {
            ["a/variant.yaml"] = TopologyCatalog.TwoRegion with { Name = "wide" },
            ["b/variant.yaml"] = TopologyCatalog.TwoRegion with { Name = "wide" },
        };
        using var printed = new StringWriter();

        Assert.Null(TopologyCandidates.Resolve(["two-region", "nowhere", "a/variant.yaml", "b/variant.yaml"], files, inline, printed, where: "suite.yaml:4"));

        var lines = printed.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("suite.yaml:4: 'two-region' is both the scenario's inline topology and a catalogue topology", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("suite.yaml:4: unknown topology 'nowhere' (known: dedicated-tenant, ", lines[1], StringComparison.Ordinal);
        Assert.Equal("suite.yaml:4: 'a/variant.yaml' and 'b/variant.yaml' are all called `wide`: give each topology of a run a name of its own (reports, their folders and only-on go by name)", lines[2]);
    }

    [Theory]
    [InlineData("two-region", false)]
    [InlineData("my_variant-2", false)]
    [InlineData("variant.yaml", true)]
    [InlineData("variant.YML", true)]
    [InlineData("./variant", true)]
    [InlineData("topologies/variant", true)]
    public void A_file_is_told_from_a_name_by_its_extension_or_a_path_separator(string reference, bool isFile)
    {
        Assert.Equal(isFile, TopologyReference.IsFile(reference));
    }
}
