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
        var isolation = Assert.Single(suite.Runs, r => r.Scenario.EndsWith("primary-region-isolation.yaml", StringComparison.Ordinal));
        Assert.Equal(["single-primary-multi-replica", "warm-standby-dr"], isolation.Topologies);
        Assert.Equal(TimeSpan.FromSeconds(85), isolation.Duration);
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
