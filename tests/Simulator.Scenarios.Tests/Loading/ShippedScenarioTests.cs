namespace Simulator.Scenarios.Tests.Loading;

public class ShippedScenarioTests
{
    [Fact]
    public void Quickstart_loads_clean_with_the_documented_values()
    {
        var path = Fixtures.Shipped("quickstart.yaml");
        var result = ScenarioLoader.Load(path);

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        Assert.Empty(result.Errors);
        var scenario = result.Scenario;
        Assert.Equal("quickstart", scenario.Name);
        Assert.Equal("single-region-ha", scenario.Topology);
        Assert.Equal(TimeSpan.FromSeconds(60), scenario.Duration);
        Assert.Equal(42, scenario.Seed);
        Assert.Equal(path, scenario.SourcePath);
        Assert.Empty(scenario.Faults);
        Assert.Empty(scenario.Network.Latency);

        var workload = Assert.Single(scenario.Workloads);
        Assert.Equal("order-import", workload.Name);
        Assert.Equal("order-import", workload.Kind);
        Assert.Equal("eu", workload.Region);
        Assert.Equal(WorkloadModel.ConstantRate, workload.Model);
        Assert.Equal(new Rate(10), workload.Rate);
        Assert.Equal(new IntRange(1, 5), workload.Lines);

        Assert.Equal(
            ["order-import.p99 < 2000ms", "order-import.error_rate < 1%", "achieved_rate >= 95%", "lost_writes == 0"],
            scenario.Thresholds.Select(t => t.Expression));
        Assert.Equal(TimeSpan.FromSeconds(2), scenario.Thresholds[0].Value.Duration);
        Assert.Equal(0.01, scenario.Thresholds[1].Value.Amount, 9);
        Assert.Equal(0.95, scenario.Thresholds[2].Value.Amount, 9);
        Assert.Equal(ThresholdOperator.Equal, scenario.Thresholds[3].Operator);
    }

    [Fact]
    public void Quickstart_is_valid_against_a_catalogue_with_its_topology()
    {
        var catalog = new InMemoryTopologyCatalog(new TopologyOutline("single-region-ha", ["eu"], ["eu-pg-1", "eu-pg-2", "eu-odoo-1"]));
        var result = ScenarioLoader.Load(Fixtures.Shipped("quickstart.yaml"), new ScenarioLoadOptions { Catalog = catalog });
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
    }

    [Fact]
    public void Quickstart_duration_can_be_overridden_like_the_cli_does()
    {
        var scenario = ScenarioLoader.Load(Fixtures.Shipped("quickstart.yaml")).GetScenarioOrThrow();
        var shorter = scenario.WithDuration(DurationParser.Parse("20s"));
        Assert.Equal(TimeSpan.FromSeconds(20), shorter.Duration);
        Assert.Equal(TimeSpan.FromSeconds(60), scenario.Duration);
        Assert.Empty(ScenarioValidator.Validate(shorter));
    }

    [Fact]
    public void Import_and_scan_runs_the_three_odoo_workloads_in_one_region()
    {
        var result = ScenarioLoader.Load(Fixtures.Shipped("import-and-scan.yaml"));

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        var scenario = result.Scenario;
        Assert.Equal(("import-and-scan", "single-region-ha", TimeSpan.FromMinutes(2)), (scenario.Name, scenario.Topology, scenario.Duration));
        Assert.Equal(
            [
                ("order-import", "eu", "customers=20, products=50"),
                ("warehouse-scan", "eu", "backlog=40, products=50"),
                ("portal-browse", "eu", "customers=20, page_size=20, pages=3"),
            ],
            scenario.Workloads.Select(w => (w.Kind, w.Region, string.Join(", ", w.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")))));
        Assert.All(scenario.Workloads, w => Assert.Equal(WorkloadModel.ConstantRate, w.Model));
        Assert.Contains(scenario.Thresholds, t => t.Expression == "lost_writes == 0");
        Assert.Empty(ScenarioValidator.Validate(scenario.WithDuration(DurationParser.Parse("30s"))));
    }
}
