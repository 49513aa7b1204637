namespace Simulator.Scenarios.Tests;

/// <summary>Paths of the YAML files copied next to the test assembly.</summary>
internal static class Fixtures
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static string Shipped(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Shipped", name);

    /// <summary>A valid scenario with one workload, to which a test appends or replaces lines.</summary>
    public const string Minimal = """
        name: minimal
        duration: 60s
        workloads:
          - { name: order-import, region: eu, model: constant-rate, rate: 10/s }
        """;

    public static ScenarioLoadResult Parse(string yaml, ScenarioLoadOptions? options = null) =>
        ScenarioLoader.Parse(yaml, "test.yaml", options);

    public static ScenarioError SingleError(string yaml, ScenarioLoadOptions? options = null)
    {
        var result = Parse(yaml, options);
        Assert.False(result.Succeeded);
        return Assert.Single(result.Errors);
    }
}
