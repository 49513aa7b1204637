namespace Simulator.Scenarios.Tests.Suites;

public sealed class SuiteLoaderTests
{
    [Fact]
    public void The_nightly_suite_loads_with_every_scenario_resolved_next_to_it()
    {
        var (suite, errors) = SuiteLoader.Load(Fixtures.Shipped("suites/nightly.yaml"));

        Assert.Empty(errors);
        Assert.NotNull(suite);
        Assert.Equal("nightly-resilience", suite.Name);
        Assert.All(suite.Runs, r => Assert.True(File.Exists(r.Scenario), r.Scenario));
        var isolation = suite.Runs.Where(r => r.Scenario.EndsWith("primary-region-isolation.yaml", StringComparison.Ordinal)).ToList();
        Assert.Equal([[], ["warm-standby-dr"]], isolation.Select(r => r.Topologies));
        Assert.All(isolation, r => Assert.Equal(TimeSpan.FromSeconds(85), r.Duration));
        Assert.Equal(["failover.lost_writes == 0", "lost_writes == 0"], isolation[1].KnownBreaches.Select(b => b.Threshold));
        Assert.All(isolation[1].KnownBreaches, b => Assert.False(string.IsNullOrWhiteSpace(b.Reason)));
    }

    [Fact]
    public void A_known_breach_needs_its_threshold_and_its_reason()
    {
        var folder = Directory.CreateTempSubdirectory("suite-").FullName;
        File.WriteAllText(Path.Combine(folder, "ok.yaml"), "name: ok\n");
        const string Good = """
            name: known
            runs:
              - scenario: ok.yaml
                known_breaches:
                  - { threshold: lost_writes == 0, reason: asynchronous across regions }
            """;
        const string Bad = """
            name: known
            runs:
              - scenario: ok.yaml
                known_breaches:
                  - { threshold: lost_writes == 0 }
                  - { reason: no threshold, why: typo }
                  - lost_writes == 0
            """;

        var (suite, none) = SuiteLoader.Parse(Good, "known.yaml", folder);
        var (_, errors) = SuiteLoader.Parse(Bad, "known.yaml", folder);

        Assert.Empty(none);
        var breach = Assert.Single(Assert.Single(suite!.Runs).KnownBreaches);
        Assert.Equal(("lost_writes == 0", "asynchronous across regions", 5, 9), (breach.Threshold, breach.Reason, breach.Line, breach.Column));
        Assert.True(breach.Names("lost_writes   ==  0"));
        Assert.False(breach.Names("failover.lost_writes == 0"));
        Assert.Equal(
            [
                (5, 9, "runs[0].known_breaches[0].reason", "missing required key `reason`"),
                (6, 9, "runs[0].known_breaches[1].threshold", "missing required key `threshold`"),
                (6, 33, "runs[0].known_breaches[1].why", "unknown key `why`"),
                (7, 9, "runs[0].known_breaches[2]", "expected a known breach mapping, found a value"),
            ],
            errors.Select(e => (e.Line, e.Column, e.Field, e.Message)));
    }

    [Fact]
    public void A_suite_with_five_mistakes_lists_all_five_with_line_column_and_field()
    {
        var folder = Directory.CreateTempSubdirectory("suite-").FullName;
        File.WriteAllText(Path.Combine(folder, "ok.yaml"), "name: ok\n");
        const string Text = """
            name: broken
            descripton: typo
            runs:
              - { scenario: ok.yaml, duration: 30 }
              - { scenario: missing.yaml }
              - { scenario: ok.yaml, topologies: single-region-ha }
              - just-a-name
            """;

        var (suite, errors) = SuiteLoader.Parse(Text, "broken.yaml", folder);

        Assert.Null(suite);
        Assert.Equal(
            [(2, 1, "descripton"), (4, 36, "runs[0].duration"), (5, 17, "runs[1].scenario"), (6, 38, "runs[2].topologies"), (7, 5, "runs[3]")],
            errors.Select(e => (e.Line, e.Column, e.Field)));
        Assert.All(errors, e => Assert.Equal("broken.yaml", e.File));
        Assert.Equal("did you mean `description`?", errors[0].Hint);
        Assert.Contains("unit", errors[1].ToString(), StringComparison.Ordinal);
        Assert.Equal("no scenario file `missing.yaml` next to the suite", errors[2].Message);
        Assert.Equal("expected a list of topology names or files, found a value", errors[3].Message);
        Assert.Equal("expected a run mapping, found a value", errors[4].Message);
    }

    [Fact]
    public void A_run_s_topologies_may_be_files_next_to_the_suite_which_must_exist()
    {
        var folder = Directory.CreateTempSubdirectory("suite-").FullName;
        File.WriteAllText(Path.Combine(folder, "ok.yaml"), "name: ok\n");
        Directory.CreateDirectory(Path.Combine(folder, "variants"));
        File.WriteAllText(Path.Combine(folder, "variants", "wide.yaml"), "name: wide\n");
        const string Text = """
            name: variants
            runs:
              - { scenario: ok.yaml, topologies: [two-region, variants/wide.yaml] }
              - { scenario: ok.yaml, topologies: [two-region, variants/narrow.yml] }
            """;

        var (suite, errors) = SuiteLoader.Parse(Text, "variants.yaml", folder);
        var (good, none) = SuiteLoader.Parse(Text[..Text.LastIndexOf("  - {", StringComparison.Ordinal)], "variants.yaml", folder);

        Assert.Null(suite);
        var error = Assert.Single(errors);
        Assert.Equal((4, 51, "runs[1].topologies[1]", "no topology file `variants/narrow.yml` next to the suite"), (error.Line, error.Column, error.Field, error.Message));
        Assert.Empty(none);
        Assert.Equal(["two-region", Path.Combine(folder, "variants", "wide.yaml")], Assert.Single(good!.Runs).Topologies);
    }

    [Fact]
    public void A_suite_without_runs_says_so()
    {
        var (suite, errors) = SuiteLoader.Parse("name: empty\nruns: []\n", "empty.yaml", ".");

        Assert.Null(suite);
        var error = Assert.Single(errors);
        Assert.Equal(("runs", "the suite has no runs"), (error.Field, error.Message));
    }
}
