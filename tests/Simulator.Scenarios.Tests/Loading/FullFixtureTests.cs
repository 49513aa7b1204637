namespace Simulator.Scenarios.Tests.Loading;

public class FullFixtureTests
{
    private static Scenario Load() => ScenarioLoader.Load(Fixtures.Path("full.yaml")).GetScenarioOrThrow();

    [Fact]
    public void Reads_the_scenario_header_and_network()
    {
        var scenario = Load();
        Assert.Equal("primary-node-loss", scenario.Name);
        Assert.Equal("Leader's database node dies under steady order import and scanning.", scenario.Description);
        Assert.Equal("single-primary-multi-replica", scenario.Topology);
        Assert.Equal(TimeSpan.FromMinutes(3), scenario.Duration);
        Assert.Equal(TimeSpan.FromMilliseconds(5), scenario.Network.Jitter);
        Assert.Equal(3, scenario.Network.Latency.Count);
        Assert.Equal(TimeSpan.FromMilliseconds(80), scenario.Network.LatencyBetween("us", "eu"));
        Assert.Equal(TimeSpan.FromMilliseconds(150), scenario.Network.Latency[new RegionPair("eu", "apac")]);
        Assert.Equal(TimeSpan.FromMilliseconds(120), scenario.Network.LatencyBetween("us", "apac"));
    }

    [Fact]
    public void Reads_every_workload_model_with_its_settings()
    {
        var workloads = Load().Workloads;
        Assert.Equal(5, workloads.Count);

        var orders = workloads[0];
        Assert.Equal(new Rate(20), orders.Rate);
        Assert.Equal(new IntRange(5, 30), orders.Lines);
        Assert.Equal(20, orders.PreAllocatedUsers);
        Assert.Equal(100, orders.MaxUsers);
        Assert.Equal("500", orders.Parameters["customers"]);

        var scanUs = workloads[1];
        Assert.Equal(("warehouse-scan", "us"), (scanUs.Name, scanUs.Region));
        Assert.Equal(20, scanUs.Rate!.Value.PerSecond, 9);
        Assert.Equal("40", scanUs.Parameters["backlog"]);

        var scanApac = workloads[2];
        Assert.Equal(WorkloadModel.RampingRate, scanApac.Model);
        Assert.Equal(new Rate(1), scanApac.Rate);
        Assert.Equal([new Rate(40), new Rate(10)], scanApac.Stages.Select(s => s.Rate!.Value));
        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(30)], scanApac.Stages.Select(s => s.Over));
        Assert.Equal(TimeSpan.FromSeconds(90), scanApac.StagesDuration);

        var browse = workloads[3];
        Assert.Equal("order-import", browse.Kind);
        Assert.Equal(WorkloadModel.RampingConcurrency, browse.Model);
        var stage = Assert.Single(browse.Stages);
        Assert.Equal(50, stage.Concurrency);
        Assert.Null(stage.Rate);
        Assert.Equal(TimeSpan.FromSeconds(90), stage.Over);
        Assert.Equal(IntRange.Exactly(3), browse.Lines);

        var backOffice = workloads[4];
        Assert.Equal(WorkloadModel.ConstantConcurrency, backOffice.Model);
        Assert.Equal(5, backOffice.Concurrency);
        Assert.Equal(TimeSpan.FromSeconds(2), backOffice.ThinkTime);
        Assert.Empty(backOffice.Parameters);
    }

    [Fact]
    public void Reads_faults_with_their_kind_as_key()
    {
        var faults = Load().Faults;
        Assert.Equal(
            [FaultKind.Kill, FaultKind.Pause, FaultKind.Partition, FaultKind.Latency, FaultKind.Reset, FaultKind.Heal],
            faults.Select(f => f.Kind));
        Assert.Equal(["leader", "eu-pg-2", "apac", "eu-us", "eu->us:postgres", "all"], faults.Select(f => f.Target));
        Assert.Equal(TimeSpan.FromSeconds(60), faults[0].At);
        Assert.Null(faults[0].For);
        Assert.Equal(TimeSpan.FromSeconds(150), faults[2].EndsAt);
        Assert.Equal(TimeSpan.FromMilliseconds(300), faults[3].GetDuration("delay"));
        Assert.Equal(TimeSpan.FromMilliseconds(20), faults[3].GetDuration("jitter"));
        Assert.Null(faults[3].GetDuration("after"));
    }

    [Fact]
    public void Reads_thresholds_including_region_and_window()
    {
        var thresholds = Load().Thresholds;
        Assert.Equal(6, thresholds.Count);
        var windowed = thresholds[1];
        Assert.Equal(("warehouse-scan", "apac", "p99"), (windowed.Workload, windowed.Region, windowed.Statistic));
        Assert.Equal(TimeSpan.FromSeconds(30), windowed.Window);
        Assert.Equal("failover.rto", thresholds[4].Statistic);
        Assert.True(thresholds[4].IsGlobal);
    }

    [Fact]
    public void Keeps_the_position_of_every_part_for_later_stages()
    {
        var locations = Load().Locations;
        Assert.Equal(new SourceLocation(12, 5), locations.Find("workloads[1]"));
        Assert.Equal(new SourceLocation(18, 9), locations.Find("workloads[2].stages[0]"));
        Assert.Equal(new SourceLocation(28, 22), locations.Find("faults[0].kill"));
        Assert.Equal(new SourceLocation(28, 5), locations.Find("faults[0].for"));
        Assert.Equal(new SourceLocation(8, 21), locations.Find("network.latency.eu-us"));
    }
}
