using Simulator.AppHost.Cli;

namespace Simulator.AppHost.Tests.Cli;

/// <summary>Every scenario shipped in <c>scenarios/</c> passes <c>sim validate</c>'s checks, without standing anything up.</summary>
public sealed class ScenarioFilesTests
{
    private static readonly string ShippedFolder = Path.Combine(AppContext.BaseDirectory, "Shipped");

    public static TheoryData<string> ShippedScenarios() =>
        [.. Directory.GetFiles(ShippedFolder, "*.yaml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(ShippedScenarios))]
    public void Every_shipped_scenario_is_valid_against_the_topology_catalogue(string file)
    {
        // ScenarioFiles.Load is what `sim validate` calls: the loader with LoadOptions (catalogue topologies,
        // fault targets against their proxied links, the database set-up), printing every error it finds.
        var printed = new StringWriter();

        var scenario = ScenarioFiles.Load(Fixtures.Shipped(file), durationOverride: null, printed);

        Assert.True(scenario is not null, printed.ToString());
        // Each names its catalogue topology rather than relying on the default.
        Assert.Equal(scenario.Topology, ScenarioFiles.TopologyOf(scenario).Name);
    }

    [Fact]
    public void The_shipped_scenarios_include_the_catalogue()
    {
        // Not vacuous: the theory above found the files users run, the catalogue scenarios among them.
        var names = Directory.GetFiles(ShippedFolder, "*.yaml").Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);

        Assert.Superset(
            new HashSet<string?>(
                ["quickstart.yaml", "steady-state.yaml", "slow-inter-region-link.yaml", "redis-loss.yaml", "object-storage-outage.yaml", "month-end-burst.yaml", "primary-node-loss.yaml", "noisy-neighbour.yaml"],
                StringComparer.Ordinal),
            names);
    }
}
