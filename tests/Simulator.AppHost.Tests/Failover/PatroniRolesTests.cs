using Simulator.AppHost.Failover;
using Simulator.Load.Failover;

namespace Simulator.AppHost.Tests.Failover;

public sealed class PatroniRolesTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static ClusterObservation Cluster(string? leader, params NodeObservation[] nodes) => new(At, leader is not null, leader, nodes);

    [Fact]
    public void The_leader_is_the_running_primary_the_dcs_names_and_a_replica_the_first_running_one()
    {
        var cluster = Cluster(
            "us-pg-1",
            new NodeObservation("eu-pg-1", true, "replica", false, 1),
            new NodeObservation("us-pg-1", true, "primary", true, 2),
            new NodeObservation("apac-pg-1", true, "replica", true, 2));

        Assert.Equal("us-pg-1", PatroniRoles.Holder(cluster, "leader"));
        Assert.Equal("apac-pg-1", PatroniRoles.Holder(cluster, "replica"));
    }

    [Fact]
    public void Without_a_dcs_answer_the_only_running_primary_leads_but_two_primaries_are_no_answer()
    {
        Assert.Equal("eu-pg-1", PatroniRoles.Holder(
            Cluster(null, new NodeObservation("eu-pg-1", true, "primary", true, 1), NodeObservation.Unreachable("us-pg-1")), "leader"));

        var split = Cluster(
            null, new NodeObservation("eu-pg-1", true, "primary", true, 1), new NodeObservation("us-pg-1", true, "primary", true, 2));
        var error = Assert.Throws<InvalidOperationException>(() => PatroniRoles.Holder(split, "leader"));
        Assert.Contains("no node leads now", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => PatroniRoles.Holder(Cluster("eu-pg-1", NodeObservation.Unreachable("eu-pg-1")), "replica"));
        Assert.Throws<ArgumentException>(() => PatroniRoles.Holder(split, "primary"));
    }
}
