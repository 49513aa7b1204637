namespace Simulator.Chaos.Tests.Timeline;

public sealed class FaultTargetValidatorTests
{
    private static readonly string[] Resources = ["pg-eu-1", "pg-us-1", "odoo-eu-1"];
    private static readonly string[] Regions = ["eu", "us", "apac"];
    private static readonly LinkName[] Links = [LinkName.Parse("us->eu:postgres"), LinkName.Parse("eu->us:odoo")];

    private static FaultSpec F(FaultType kind, string target) => new(TimeSpan.FromSeconds(1), kind, target);

    [Fact]
    public void Accepts_targets_the_topology_has()
    {
        FaultSpec[] faults =
        [
            F(FaultType.Kill, "pg-eu-1"), F(FaultType.Pause, "leader"), F(FaultType.Stop, "us"), F(FaultType.Start, "replica"),
            F(FaultType.Partition, "eu"), F(FaultType.Latency, "eu-us"), F(FaultType.Timeout, "us->eu:postgres"),
            F(FaultType.Reset, "eu->us"), F(FaultType.Heal, "all"), F(FaultType.Heal, "us-eu"),
        ];

        Assert.Empty(FaultTargetValidator.FindMissingTargets(faults, Resources, Regions, Links));
    }

    [Fact]
    public void A_switchover_names_a_region_or_any()
    {
        var problems = FaultTargetValidator.FindMissingTargets(
            [F(FaultType.Switchover, "us"), F(FaultType.Switchover, "any"), F(FaultType.Switchover, "mars"), F(FaultType.Switchover, "pg-eu-1")],
            Resources, Regions, Links);

        Assert.Equal([2, 3], problems.Select(p => p.Index));
        Assert.All(problems, p => Assert.Contains("regions: apac, eu, us", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_region_failover_names_a_region_and_nothing_else()
    {
        var problems = FaultTargetValidator.FindMissingTargets(
            [F(FaultType.RegionFailover, "us"), F(FaultType.RegionFailover, "any"), F(FaultType.RegionFailover, "pg-eu-1")],
            Resources, Regions, Links);

        Assert.Equal([1, 2], problems.Select(p => p.Index));
        Assert.All(problems, p => Assert.Contains("standby cluster takes over; regions: apac, eu, us", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Returns_every_fault_whose_target_is_missing()
    {
        FaultSpec[] faults =
        [
            F(FaultType.Kill, "pg-eu-9"),                   // 0: no such resource
            F(FaultType.Partition, "eu"),                   // fine
            F(FaultType.Partition, "mars"),                 // 2: no such region
            F(FaultType.Latency, "eu-mars"),                // 3: no such region in the pair
            F(FaultType.Partition, "eu->us:redis"),         // 4: regions exist, the link does not
            F(FaultType.Partition, "apac"),                 // 5: region without any proxied link
            F(FaultType.Partition, "all"),                  // 6: all is for heal only
            F(FaultType.Reset, "eu->eu"),                   // 7: not a target
        ];

        var problems = FaultTargetValidator.FindMissingTargets(faults, Resources, Regions, Links);

        Assert.Equal([0, 2, 3, 4, 5, 6, 7], problems.Select(p => p.Index));
        Assert.Contains("pg-eu-1", problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("`mars`", problems[1].Message, StringComparison.Ordinal);
        Assert.Contains("no proxied link matches `eu->us:redis`", problems[3].Message, StringComparison.Ordinal);
        Assert.StartsWith("faults[0] (kill: pg-eu-9): ", problems[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_links_only_the_regions_are_checked_and_roles_can_be_replaced()
    {
        FaultSpec[] faults = [F(FaultType.Partition, "apac"), F(FaultType.Kill, "leader"), F(FaultType.Kill, "primary")];

        var problems = FaultTargetValidator.FindMissingTargets(faults, Resources, Regions, links: null, roles: ["primary"]);

        Assert.Equal([1], problems.Select(p => p.Index));
    }
}
