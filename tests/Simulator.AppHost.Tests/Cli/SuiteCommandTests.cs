using Simulator.AppHost.Cli;
using Simulator.AppHost.Run;
using Simulator.Scenarios;

namespace Simulator.AppHost.Tests.Cli;

public sealed class SuiteCommandTests
{
    [Fact]
    public void The_nightly_suite_plans_every_short_form_on_every_topology_it_names()
    {
        var (suite, errors) = SuiteLoader.Load(Fixtures.Shipped("suites/nightly.yaml"));
        Assert.Empty(errors);
        using var problems = new StringWriter();

        var runs = SuiteCommand.Plan(suite!, problems);

        Assert.True(runs is not null, problems.ToString());
        Assert.Equal(suite!.Runs.Sum(r => Math.Max(1, r.Topologies.Count)), runs.Count);
        Assert.Contains(runs, r => r.Scenario.Name == "primary-region-isolation" && r.Topology.Name == "warm-standby-dr");
        Assert.Contains(runs, r => r.Scenario.Name == "primary-region-isolation" && r.Topology.Name == "single-primary-multi-replica");
        // Each run is shortened to the suite's duration, and every fault still ends inside it (the loader checked that).
        Assert.All(runs, r => Assert.Equal(suite.Runs.First(e => e.Scenario.EndsWith($"{r.Scenario.Name}.yaml", StringComparison.Ordinal)).Duration, r.Scenario.Duration));
    }

    [Fact]
    public void The_nightly_suite_runs_every_catalogue_scenario_on_its_topology_and_on_every_one_its_faults_name()
    {
        var (suite, _) = SuiteLoader.Load(Fixtures.Shipped("suites/nightly.yaml"));
        var runs = SuiteCommand.Plan(suite!, new StringWriter())!;
        var planned = runs.Select(r => (r.Scenario.Name, r.Topology.Name)).ToHashSet();

        var catalogue = Directory.GetFiles(Path.GetDirectoryName(Fixtures.Shipped("quickstart.yaml"))!, "*.yaml")
            .Select(f => ScenarioFiles.Load(f, durationOverride: null, new StringWriter())!)
            .ToList();
        var wanted = catalogue
            .SelectMany(s => s.Faults.Select(f => f.OnlyOn).Prepend(s.Topology).OfType<string>().Distinct().Select(t => (s.Name, t)))
            .ToList();

        Assert.True(wanted.Count >= catalogue.Count + 1, $"only {wanted.Count} scenario-topology pairs in the catalogue");
        Assert.All(wanted, w => Assert.True(planned.Contains(w), $"the nightly suite does not run {w.Name} on {w.t}"));
    }

    [Fact]
    public void A_short_form_its_faults_do_not_fit_and_a_topology_a_scenario_cannot_run_on_are_both_refused_with_the_suite_line()
    {
        var folder = Directory.CreateTempSubdirectory("suite-").FullName;
        foreach (var name in new[] { "primary-node-loss.yaml", "quickstart.yaml" })
        {
            File.Copy(Fixtures.Shipped(name), Path.Combine(folder, name));
        }

        var suitePath = Path.Combine(folder, "short.yaml");
        File.WriteAllText(suitePath, """
            name: too-short
            runs:
              - { scenario: primary-node-loss.yaml, duration: 20s }
              - { scenario: quickstart.yaml, topologies: [single-region-ha, nowhere] }
              - { scenario: primary-node-loss.yaml, topologies: [single-region-ha] }
            """);
        var (suite, errors) = SuiteLoader.Load(suitePath);
        Assert.Empty(errors);
        using var problems = new StringWriter();

        Assert.Null(SuiteCommand.Plan(suite!, problems));

        var text = problems.ToString();
        Assert.Contains("with --duration 20s:", text, StringComparison.Ordinal);
        Assert.Contains($"(the scenario of the run at {suitePath}:3)", text, StringComparison.Ordinal);
        Assert.Contains($"{suitePath}:4: unknown topology 'nowhere'", text, StringComparison.Ordinal);
        Assert.Contains($"{suitePath}:5: primary-node-loss on single-region-ha:", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_known_breach_must_be_one_of_the_scenarios_thresholds_and_the_nightlys_are()
    {
        var folder = Directory.CreateTempSubdirectory("suite-").FullName;
        File.Copy(Fixtures.Shipped("quickstart.yaml"), Path.Combine(folder, "quickstart.yaml"));
        var suitePath = Path.Combine(folder, "known.yaml");
        File.WriteAllText(suitePath, """
            name: known
            runs:
              - scenario: quickstart.yaml
                known_breaches:
                  - { threshold: "order-import.p99  <  2000ms", reason: "spacing aside, it is the scenario's" }
                  - { threshold: order-import.p95 < 1000ms, reason: not one of quickstart's }
            """);
        var (suite, errors) = SuiteLoader.Load(suitePath);
        Assert.Empty(errors);
        using var problems = new StringWriter();

        Assert.Null(SuiteCommand.Plan(suite!, problems));

        var line = Assert.Single(problems.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"{suitePath}:6:9: known_breaches: `order-import.p95 < 1000ms` is not a threshold of quickstart (hint: write one of them as the scenario does: ", line, StringComparison.Ordinal);
        Assert.Contains("order-import.p99 < 2000ms", line, StringComparison.Ordinal);

        var (nightly, _) = SuiteLoader.Load(Fixtures.Shipped("suites/nightly.yaml"));
        var planned = SuiteCommand.Plan(nightly!, new StringWriter())!;
        Assert.Equal(
            ["object-storage-outage on single-region-ha", "steady-state on two-region", "slow-inter-region-link on two-region", "primary-region-isolation on warm-standby-dr"],
            planned.Where(r => r.KnownBreaches.Count > 0).Select(r => $"{r.Scenario.Name} on {r.Topology.Name}"));
    }

    [Fact]
    public void A_run_on_a_topology_file_plans_it_beside_the_catalogue_one_with_its_only_on_fault()
    {
        var folder = Directory.CreateTempSubdirectory("suite-").FullName;
        var suitePath = Path.Combine(folder, "variants.yaml");
        File.WriteAllText(suitePath, $$"""
            name: variants
            runs:
              - { scenario: "{{Fixtures.Path("only-on-variant.yaml")}}", topologies: [two-region, "{{Fixtures.Path("Topologies/two-region-wide-us.yaml")}}"] }
              - { scenario: "{{Fixtures.Path("only-on-variant.yaml")}}", topologies: [two-region, "{{Fixtures.Path("Topologies/variant-mistakes.yaml")}}"] }
            """);
        var (suite, errors) = SuiteLoader.Load(suitePath);
        Assert.Empty(errors);
        using var problems = new StringWriter();

        Assert.Null(SuiteCommand.Plan(suite!, problems));
        Assert.Contains($"variant-mistakes.yaml:4:7: name: `two-region` is the name of a catalogue topology", problems.ToString(), StringComparison.Ordinal);
        Assert.Contains($"(the topology files of the run at {suitePath}:4)", problems.ToString(), StringComparison.Ordinal);

        using var none = new StringWriter();
        var runs = SuiteCommand.Plan(suite! with { Runs = [suite!.Runs[0]] }, none);

        Assert.True(runs is not null, none.ToString());
        Assert.Equal([("two-region", 1), ("two-region-wide-us", 2)], runs.Select(r => (r.Topology.Name, FaultPlan.Specs(r.Scenario).Count)));
        Assert.All(runs, r => Assert.Equal(r.Topology.Name, r.Scenario.Topology));
    }
}
