namespace Simulator.Scenarios.Tests.Validation;

public class TopologyCatalogTests
{
    private static readonly InMemoryTopologyCatalog Catalog = new(
        new TopologyOutline("single-region-ha", ["eu"], ["eu-pg-1", "eu-pg-2", "eu-odoo-1"]),
        new TopologyOutline("single-primary-multi-replica", ["eu", "us", "apac"], ["eu-pg-1", "eu-pg-2", "us-pg-1", "apac-pg-1", "etcd-1"]));

    private static readonly ScenarioLoadOptions Options = new() { Catalog = Catalog };

    private static Scenario On(string topology, params Fault[] faults) => new()
    {
        Name = "x",
        Topology = topology,
        Duration = TimeSpan.FromMinutes(1),
        Workloads = [new Workload { Name = "order-import", Region = "eu", Model = WorkloadModel.ConstantRate, Rate = new Rate(5) }],
        Faults = faults,
    };

    private static Fault At5(FaultKind kind, string target) =>
        new() { At = TimeSpan.FromSeconds(5), Kind = kind, Target = target, For = kind.AllowsFor() ? TimeSpan.FromSeconds(5) : null, Values = kind == FaultKind.Latency ? new Dictionary<string, string> { ["delay"] = "50ms" } : new Dictionary<string, string>() };

    [Fact]
    public void The_catalogue_lists_and_finds_topologies()
    {
        Assert.Equal(2, Catalog.TopologyNames.Count);
        Assert.Equal(["eu", "us", "apac"], Catalog.Find("single-primary-multi-replica")!.Regions);
        Assert.Null(Catalog.Find("nope"));
    }

    [Fact]
    public void A_region_failover_names_a_region_and_only_on_a_known_topology()
    {
        var fine = At5(FaultKind.RegionFailover, "us") with { OnlyOn = "single-region-ha" };
        Assert.Empty(ScenarioValidator.Validate(On("single-primary-multi-replica", fine), Catalog));

        var errors = ScenarioValidator.Validate(
            On("single-primary-multi-replica", At5(FaultKind.RegionFailover, "mars"), fine with { OnlyOn = "single-region-hq" }), Catalog);
        Assert.Equal(
            [("faults[0].region-failover", "one of: eu, us, apac"), ("faults[1].only-on", "did you mean `single-region-ha`?")],
            errors.Select(e => (e.Field, e.Hint)));
        Assert.False(FaultKind.RegionFailover.AllowsFor());
        Assert.True(fine.AppliesTo("single-region-ha") && !fine.AppliesTo("single-primary-multi-replica") && fine.AppliesTo(null));
    }

    [Fact]
    public void Only_on_may_name_the_inline_topology_and_a_fault_for_another_topology_is_not_checked_against_this_one()
    {
        var inline = new TopologyDefinition { Name = "eu-small", Regions = [new TopologyRegion("eu", 1, 0)] };
        var scenario = On("eu-small", At5(FaultKind.Kill, "eu") with { OnlyOn = "eu-small" }, At5(FaultKind.Kill, "us-pg-1") with { OnlyOn = "single-primary-multi-replica" })
            with { InlineTopology = inline };

        Assert.Empty(ScenarioValidator.Validate(scenario, Catalog));

        // A fault for this very topology is still checked against it, and an unknown only-on lists the inline name too.
        var errors = ScenarioValidator.Validate(scenario with { Faults = [At5(FaultKind.Kill, "us-pg-1") with { OnlyOn = "eu-small" }, At5(FaultKind.Kill, "eu") with { OnlyOn = "eu-smal" }] }, Catalog);
        Assert.Equal(
            [("faults[0].kill", "`us-pg-1` is not a role, resource or region of topology `eu-small`"), ("faults[1].only-on", "no topology is called `eu-smal`")],
            errors.Select(e => (e.Field, e.Message)));
        Assert.Equal("did you mean `eu-small`?", errors[1].Hint);
    }

    [Fact]
    public void An_unknown_topology_suggests_the_nearest()
    {
        var error = Assert.Single(ScenarioValidator.Validate(On("single-region-hq"), Catalog));
        Assert.Equal(("topology", "unknown topology `single-region-hq`", "did you mean `single-region-ha`?"), (error.Field, error.Message, error.Hint));
    }

    [Fact]
    public void Without_a_catalogue_names_are_not_checked_against_topologies()
    {
        Assert.Empty(ScenarioValidator.Validate(On("anything", At5(FaultKind.Kill, "us-pg-9"))));
    }

    [Fact]
    public void A_workload_in_a_missing_region_is_an_error_at_its_position()
    {
        var result = ScenarioLoader.Parse("""
            name: x
            topology: single-region-ha
            duration: 60s
            workloads:
              - { name: order-import, region: us, model: constant-rate, rate: 5/s }
            """, "t.yaml", Options);
        var error = Assert.Single(result.Errors);
        Assert.Equal((5, 35, "workloads[0].region"), (error.Line, error.Column, error.Field));
        Assert.Equal("region `us` is not a region of topology `single-region-ha`", error.Message);
        Assert.Equal("regions: eu", error.Hint);
    }

    [Theory]
    [InlineData(FaultKind.Kill, "leader")]
    [InlineData(FaultKind.Pause, "replica")]
    [InlineData(FaultKind.Stop, "us-pg-1")]
    [InlineData(FaultKind.Kill, "apac")]
    [InlineData(FaultKind.Partition, "apac")]
    [InlineData(FaultKind.Latency, "eu-us")]
    [InlineData(FaultKind.Reset, "eu->us:postgres")]
    [InlineData(FaultKind.Timeout, "us->apac")]
    [InlineData(FaultKind.Partition, "us<->apac")]
    [InlineData(FaultKind.Partition, "*->eu")]
    [InlineData(FaultKind.Heal, "*->eu:etcd-peer")]
    [InlineData(FaultKind.Heal, "all")]
    [InlineData(FaultKind.Heal, "apac")]
    public void Targets_that_exist_in_the_topology_are_accepted(FaultKind kind, string target)
    {
        Assert.Empty(ScenarioValidator.Validate(On("single-primary-multi-replica", At5(kind, target)), Catalog));
    }

    [Theory]
    [InlineData(FaultKind.Kill, "us-pg-2", "did you mean `us-pg-1`?")]
    [InlineData(FaultKind.Partition, "asia", "regions: eu, us, apac; a link reads eu-us or eu->us:postgres")]
    [InlineData(FaultKind.Latency, "eu-mars", "regions: eu, us, apac; a link reads eu-us or eu->us:postgres")]
    [InlineData(FaultKind.Reset, "eu->mars:postgres", "regions: eu, us, apac; a link reads eu-us or eu->us:postgres")]
    [InlineData(FaultKind.Partition, "*->mars", "regions: eu, us, apac; a link reads eu-us or eu->us:postgres")]
    [InlineData(FaultKind.Partition, "eu->*", "regions: eu, us, apac; a link reads eu-us or eu->us:postgres")]
    [InlineData(FaultKind.Partition, "leader", "regions: eu, us, apac; a link reads eu-us or eu->us:postgres")]
    public void Targets_missing_from_the_topology_are_errors_with_a_hint(FaultKind kind, string target, string hint)
    {
        var error = Assert.Single(ScenarioValidator.Validate(On("single-primary-multi-replica", At5(kind, target)), Catalog));
        Assert.Equal($"faults[0].{kind.ToName()}", error.Field);
        Assert.StartsWith($"`{target}` is not ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(" of topology `single-primary-multi-replica`", error.Message, StringComparison.Ordinal);
        Assert.Equal(hint, error.Hint);
    }

    [Fact]
    public void Network_latency_between_missing_regions_is_an_error()
    {
        var scenario = On("single-region-ha") with
        {
            Network = new NetworkSettings { Latency = new Dictionary<RegionPair, TimeSpan> { [new RegionPair("eu", "us")] = TimeSpan.FromMilliseconds(80) } },
        };
        var error = Assert.Single(ScenarioValidator.Validate(scenario, Catalog));
        Assert.Equal(("network.latency.eu-us", "`us` in `eu-us` is not a region of topology `single-region-ha`"), (error.Field, error.Message));
    }

    [Fact]
    public void The_full_fixture_is_valid_against_its_topology()
    {
        var result = ScenarioLoader.Load(Fixtures.Path("full.yaml"), Options);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
    }
}
