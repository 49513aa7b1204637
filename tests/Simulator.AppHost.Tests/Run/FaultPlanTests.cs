using Simulator.AppHost.Cli;
using Simulator.AppHost.Integrations.Patroni;
using Simulator.AppHost.Run;
using Simulator.AppHost.Topology;
using Simulator.Chaos;
using Simulator.Scenarios;

namespace Simulator.AppHost.Tests.Run;

public sealed class FaultPlanTests
{
    [Fact]
    public void Targets_the_topology_lacks_are_errors_with_file_line_and_field()
    {
        var path = Fixtures.Path("two-region-bad-faults.yaml");
        var scenario = ScenarioLoader.Load(path, new ScenarioLoadOptions { Catalog = ScenarioTopologyCatalog.Instance }).Scenario;
        Assert.NotNull(scenario);

        var errors = FaultPlan.Validate(scenario, TopologyCatalog.TwoRegion);

        Assert.Equal(2, errors.Count);
        Assert.Equal((7, "faults[0].kill"), (errors[0].Line, errors[0].Field));
        Assert.Contains("needs a Patroni topology", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("eu-pg-1", errors[0].Hint, StringComparison.Ordinal);
        Assert.Equal((8, "faults[1].partition"), (errors[1].Line, errors[1].Field));
        Assert.Contains("no proxied link matches `eu->us`", errors[1].Message, StringComparison.Ordinal);
        Assert.StartsWith(path + ":8:", errors[1].ToString(), StringComparison.Ordinal);

        // The same checks stop `sim validate`/`sim run` before anything starts.
        var printed = new StringWriter();
        Assert.Null(ScenarioFiles.Load(path, durationOverride: null, printed));
        Assert.Contains("2 errors", printed.ToString(), StringComparison.Ordinal);
        var refused = Assert.Throws<UnsupportedScenarioException>(() => LoadPlanFactory.EnsureRunnable(scenario, TopologyCatalog.TwoRegion));
        Assert.Contains("faults[0].kill", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Roles_are_targets_on_a_patroni_topology_and_resources_and_links_are_still_checked()
    {
        var scenario = On(
            "single-primary-multi-replica",
            new Fault { At = TimeSpan.FromSeconds(1), Kind = FaultKind.Kill, Target = "leader", For = TimeSpan.FromSeconds(5) },
            new Fault { At = TimeSpan.FromSeconds(2), Kind = FaultKind.Pause, Target = "replica", For = TimeSpan.FromSeconds(5) },
            new Fault { At = TimeSpan.FromSeconds(3), Kind = FaultKind.Partition, Target = "apac", For = TimeSpan.FromSeconds(5) },
            new Fault { At = TimeSpan.FromSeconds(4), Kind = FaultKind.Kill, Target = "eu-pg-2" });

        var error = Assert.Single(FaultPlan.Validate(scenario, TopologyCatalog.SinglePrimaryMultiReplica));
        Assert.Equal("faults[3].kill", error.Field);
        Assert.Contains("`eu-pg-2`", error.Message, StringComparison.Ordinal);
        Assert.Contains("roles: leader, replica", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_switchover_needs_a_patroni_topology_and_one_of_its_regions()
    {
        static Scenario Switchover(string topology, string target) =>
            On(topology, new Fault { At = TimeSpan.FromSeconds(1), Kind = FaultKind.Switchover, Target = target });

        Assert.Empty(FaultPlan.Validate(Switchover("single-primary-multi-replica", "us"), TopologyCatalog.SinglePrimaryMultiReplica));
        Assert.Empty(FaultPlan.Validate(Switchover("single-primary-multi-replica", "any"), TopologyCatalog.SinglePrimaryMultiReplica));
        var streaming = Assert.Single(FaultPlan.Validate(Switchover("two-region", "us"), TopologyCatalog.TwoRegion));
        Assert.Contains("needs a Patroni topology", streaming.Message, StringComparison.Ordinal);
        Assert.Contains("single-primary-multi-replica", streaming.Hint, StringComparison.Ordinal);
        var mars = Assert.Single(FaultPlan.Validate(Switchover("single-primary-multi-replica", "mars"), TopologyCatalog.SinglePrimaryMultiReplica));
        Assert.Contains("`any`", mars.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_region_failover_needs_a_standby_region_and_only_on_leaves_it_out_elsewhere()
    {
        var path = Fixtures.Path("region-failover-misplaced.yaml");
        var printed = new StringWriter();

        // On its own topology, the unmarked failover (line 8) is an error with file, line and field; the marked one
        // (line 9) is left out, as the run leaves it out.
        Assert.Null(ScenarioFiles.Load(path, durationOverride: null, printed));
        var lines = printed.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"{path}:8:", lines[0], StringComparison.Ordinal);
        Assert.Contains("faults[1].region-failover: a region failover promotes a standby cluster, and `single-primary-multi-replica` has none", lines[0], StringComparison.Ordinal);
        Assert.Contains("warm-standby-dr", lines[0], StringComparison.Ordinal);
        var scenario = ScenarioLoader.Load(path, new ScenarioLoadOptions { Catalog = ScenarioTopologyCatalog.Instance }).Scenario!;
        Assert.Equal([FaultType.Partition, FaultType.RegionFailover], FaultPlan.Specs(scenario).Select(s => s.Kind));

        // On warm-standby-dr all three run; failing over to the active region itself is refused.
        var onDr = scenario with { Topology = TopologyCatalog.WarmStandbyDr.Name };
        Assert.Empty(FaultPlan.Validate(onDr, TopologyCatalog.WarmStandbyDr));
        Assert.Equal([FaultType.Partition, FaultType.RegionFailover, FaultType.RegionFailover], FaultPlan.Specs(onDr).Select(s => s.Kind));
        var toEu = Assert.Single(FaultPlan.Validate(
            On("warm-standby-dr", new Fault { At = TimeSpan.FromSeconds(1), Kind = FaultKind.RegionFailover, Target = "eu" }), TopologyCatalog.WarmStandbyDr));
        Assert.Contains("active region", toEu.Message, StringComparison.Ordinal);
        Assert.Equal("one of: us", toEu.Hint);
    }

    [Fact]
    public void A_database_key_needs_a_patroni_topology_and_overrides_its_options()
    {
        var scenario = new Scenario
        {
            Name = "x",
            Duration = TimeSpan.FromMinutes(1),
            Database = new DatabaseSettings { Replication = "async", Timing = "default" },
        };

        var applied = DatabasePlan.Apply(scenario, TopologyCatalog.SinglePrimaryMultiReplica);
        Assert.Equal(PatroniReplication.Async, applied.Patroni!.Replication);
        Assert.Same(PatroniTiming.Default, applied.Patroni.Timing);
        Assert.Equal(PatroniReplication.Sync, TopologyCatalog.SinglePrimaryMultiReplica.Patroni!.Replication);
        Assert.Empty(DatabasePlan.Validate(scenario, TopologyCatalog.SinglePrimaryMultiReplica));
        var error = Assert.Single(DatabasePlan.Validate(scenario, TopologyCatalog.TwoRegion));
        Assert.Equal("database", error.Field);
        Assert.Contains("single-primary-multi-replica", error.Hint, StringComparison.Ordinal);
        Assert.Same(TopologyCatalog.TwoRegion, DatabasePlan.Apply(scenario with { Database = null }, TopologyCatalog.TwoRegion));
    }

    [Fact]
    public void Network_faults_on_a_single_region_topology_match_no_link()
    {
        var scenario = On("single-region-ha", new Fault { At = TimeSpan.FromSeconds(1), Kind = FaultKind.Partition, Target = "eu", For = TimeSpan.FromSeconds(5) });

        var error = Assert.Single(FaultPlan.Validate(scenario, TopologyCatalog.SingleRegionHa));
        Assert.Equal("in topology `single-region-ha`: no proxied link matches `eu`", error.Message);
        Assert.Equal("links: none", error.Hint);
    }

    [Fact]
    public void Fault_targets_are_checked_in_the_same_pass_as_the_rest_of_the_file()
    {
        var path = Fixtures.Path("mixed-stage-errors.yaml");
        var printed = new StringWriter();

        Assert.Null(ScenarioFiles.Load(path, durationOverride: null, printed));

        // The loader's error on line 5 does not hide the topology's on line 7; line 8 is a valid target.
        var lines = printed.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith($"{path}:5:67: workloads[0].rate: the rate `2` has no unit (write a unit: 2/s)", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"{path}:7:27: faults[0].partition: in topology `two-region`: no proxied link matches `eu->us` (links: ", lines[1], StringComparison.Ordinal);
        Assert.Equal("2 errors", lines[2]);
    }

    [Fact]
    public void A_fault_the_loader_could_not_read_is_left_to_the_loader()
    {
        var scenario = new Scenario
        {
            Name = "x",
            Duration = TimeSpan.FromMinutes(1),
            Faults = [new Fault { Kind = FaultKind.Unspecified, Target = "" }, new Fault { Kind = FaultKind.Kill, Target = "" }],
        };

        Assert.Empty(FaultPlan.Validate(scenario, TopologyCatalog.TwoRegion));
    }

    [Fact]
    public void Faults_and_network_settings_map_onto_the_timeline_and_the_latency_matrix()
    {
        var scenario = ScenarioLoader.Load(Fixtures.Path("two-region-bad-faults.yaml"), new ScenarioLoadOptions()).Scenario!
            with
        {
            Network = new NetworkSettings
            {
                Latency = new Dictionary<RegionPair, TimeSpan> { [new RegionPair("eu", "us")] = TimeSpan.FromMilliseconds(80) },
                Jitter = TimeSpan.FromMilliseconds(4),
            },
        };

        var specs = FaultPlan.Specs(scenario);
        var matrix = FaultPlan.Latency(scenario);

        Assert.Equal([FaultType.Kill, FaultType.Partition, FaultType.Latency, FaultType.Pause, FaultType.Heal], specs.Select(s => s.Kind));
        var latency = specs[2];
        Assert.Equal((TimeSpan.FromSeconds(20), "us", TimeSpan.FromSeconds(10)), (latency.At, latency.Target, latency.For!.Value));
        Assert.Equal((TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(10)), (latency.Delay!.Value, latency.Jitter!.Value));
        Assert.Equal(TimeSpan.FromMilliseconds(80), matrix.RoundTripBetween("us", "eu"));
        Assert.Equal(TimeSpan.FromMilliseconds(4), matrix.Jitter);
    }

    private static Scenario On(string topology, params Fault[] faults) => new()
    {
        Name = "x",
        Topology = topology,
        Duration = TimeSpan.FromMinutes(1),
        Faults = faults,
    };
}
