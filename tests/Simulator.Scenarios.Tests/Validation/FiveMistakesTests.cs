namespace Simulator.Scenarios.Tests.Validation;

/// <summary>One file, five mistakes of five stages: every one is listed, with where it is and how to fix it.</summary>
public class FiveMistakesTests
{
    private static readonly string FivePath = Fixtures.Path("five-mistakes.yaml");

    private static readonly InMemoryTopologyCatalog TwoRegion = new(new TopologyOutline("two-region", ["eu", "us"], ["eu-pg-1", "eu-pg-2", "us-pg-1", "eu-odoo-1", "us-odoo-1"]));

    [Fact]
    public void Every_mistake_is_listed_with_file_line_column_and_hint()
    {
        var result = ScenarioLoader.Load(FivePath, new ScenarioLoadOptions { Catalog = TwoRegion });

        Assert.False(result.Succeeded);
        Assert.Equal(
            [
                (8, 84, "workloads[0].thinktime", "unknown key `thinktime`", "did you mean `think_time`?"),
                (9, 67, "workloads[1].rate", "the rate `20` has no unit", "write a unit: 20/s"),
                (10, 29, "workloads[2].kind", "unknown workload kind `warehouse-scann`", "did you mean `warehouse-scan`?"),
                (12, 27, "faults[0].partition", "`apac` is not a region, a pair of regions or a link of topology `two-region`", "regions: eu, us; a link reads eu-us or eu->us:postgres"),
                (14, 18, "thresholds[0]", "`p95` is not a workload statistic", "did you mean `p90` or `p99`?"),
            ],
            result.Errors.Select(e => (e.Line, e.Column, e.Field, e.Message, e.Hint)));
        Assert.All(result.Errors, e => Assert.Equal(FivePath, e.File));
        Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Hint), $"{e} has no hint"));
    }

    [Fact]
    public void The_topology_check_runs_even_though_earlier_stages_failed()
    {
        // Without a catalogue, `apac` could be a region: only four mistakes are visible.
        var withoutTopology = ScenarioLoader.Load(FivePath);

        Assert.Equal(4, withoutTopology.Errors.Count);
        Assert.DoesNotContain(withoutTopology.Errors, e => e.Field == "faults[0].partition");
    }

    [Fact]
    public void Extra_checks_run_on_the_scenario_as_read_and_do_not_repeat_a_field_already_reported()
    {
        var seen = new List<Scenario>();
        var options = new ScenarioLoadOptions
        {
            Catalog = TwoRegion,
            ExtraChecks = scenario =>
            {
                seen.Add(scenario);
                return
                [
                    new ScenarioError(scenario.SourcePath!, 12, 27, "faults[0].partition", "said twice", "drop it"),
                    new ScenarioError(scenario.SourcePath!, 12, 5, "faults[0].at", "a finding of the caller's own", "keep it"),
                ];
            },
        };

        var result = ScenarioLoader.Load(FivePath, options);

        var scenario = Assert.Single(seen);
        Assert.Equal(3, scenario.Workloads.Count);
        Assert.Equal("apac", Assert.Single(scenario.Faults).Target);
        Assert.Equal(6, result.Errors.Count);
        Assert.Contains(result.Errors, e => e.Message == "a finding of the caller's own");
        Assert.DoesNotContain(result.Errors, e => e.Message == "said twice");
    }
}
