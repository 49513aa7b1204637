namespace Simulator.Scenarios.Tests.Schema;

/// <summary>The schema accepts what the loader accepts, and both refuse the broken files.</summary>
public class SchemaConformanceTests
{
    private static readonly string AllFixtures = Path.Combine(AppContext.BaseDirectory, "AllFixtures");

    public static TheoryData<string> ShippedScenarios() =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Shipped"), "*.yaml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> RejectedFiles() =>
        [.. Directory.GetFiles(Fixtures.Path("Rejected"), "*.yaml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(ShippedScenarios))]
    public void Every_shipped_scenario_loads_and_matches_the_schema(string file)
    {
        var path = Fixtures.Shipped(file);
        var loaded = ScenarioLoader.Load(path);

        Assert.True(loaded.Succeeded, string.Join(Environment.NewLine, loaded.Errors));
        Assert.Empty(ScenarioSchema.Errors(File.ReadAllText(path)));
    }

    [Fact]
    public void Every_test_fixture_the_loader_accepts_matches_the_schema()
    {
        var files = Directory.GetFiles(AllFixtures, "*.yaml", SearchOption.AllDirectories);
        var accepted = files.Where(f => ScenarioLoader.Load(f).Succeeded).ToList();
        var mismatches = accepted
            .Select(f => (File: Path.GetRelativePath(AllFixtures, f), Errors: ScenarioSchema.Errors(File.ReadAllText(f))))
            .Where(r => r.Errors.Count > 0)
            .Select(r => $"{r.File}: {string.Join("; ", r.Errors)}")
            .ToList();

        Assert.Empty(mismatches);
        // Not vacuous: the fixtures of both test projects that hold scenarios were found and checked.
        var names = accepted.Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string?>(["full.yaml", "phases.yaml", "two-region-faults.yaml", "two-region-bad-faults.yaml", "phased-reports.yaml"], StringComparer.Ordinal), names);
    }

    [Theory]
    [MemberData(nameof(RejectedFiles))]
    public void A_broken_file_is_refused_by_the_loader_and_by_the_schema(string file)
    {
        var path = Fixtures.Path(Path.Combine("Rejected", file));
        var text = File.ReadAllText(path);

        var loaded = ScenarioLoader.Load(path);

        Assert.False(loaded.Succeeded, $"the loader accepted {file}");
        Assert.NotEmpty(ScenarioSchema.Errors(text));
    }

    [Fact]
    public void The_five_mistakes_fixture_is_refused_by_the_schema_too()
    {
        Assert.NotEmpty(ScenarioSchema.Errors(File.ReadAllText(Fixtures.Path("five-mistakes.yaml"))));
    }
}
