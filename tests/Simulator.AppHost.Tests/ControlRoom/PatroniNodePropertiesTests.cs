using Aspire.Hosting.ApplicationModel;
using Simulator.AppHost.ControlRoom;
using Simulator.AppHost.Tests.Failover;

namespace Simulator.AppHost.Tests.ControlRoom;

/// <summary>What the dashboard shows of a Patroni node, from one reading of the cluster.</summary>
public sealed class PatroniNodePropertiesTests
{
    [Fact]
    public void The_leader_shows_its_role_state_and_timeline_a_replica_also_its_lag_and_a_silent_node_says_so()
    {
        var reading = PatroniNodesReadingTests.Reading(
            ("eu-pg-1", """{"state": "running", "role": "master", "timeline": 4, "xlog": {"location": 4096}}"""),
            ("us-pg-1", """{"state": "running", "role": "replica", "timeline": 4, "xlog": {"received_location": 4096, "replayed_location": 2048}}"""),
            ("apac-pg-1", null));

        Assert.Equal(
            [(ResourceRoles.RoleProperty, "leader"), (ResourceRoles.PatroniStateProperty, "running"), (ResourceRoles.TimelineProperty, "4")],
            Shown(PatroniNodeProperties.Properties(reading, "eu-pg-1")));
        Assert.Equal(
            [(ResourceRoles.RoleProperty, "replica"), (ResourceRoles.PatroniStateProperty, "running"), (ResourceRoles.TimelineProperty, "4"), (ResourceRoles.LagBytesProperty, "2048")],
            Shown(PatroniNodeProperties.Properties(reading, "us-pg-1")));
        Assert.Equal(
            [(ResourceRoles.RoleProperty, "unknown"), (ResourceRoles.PatroniStateProperty, PatroniNodeProperties.NotAnswering)],
            Shown(PatroniNodeProperties.Properties(reading, "apac-pg-1")));
    }

    [Fact]
    public void Switchover_to_here_is_offered_only_on_a_running_healthy_replica()
    {
        static CustomResourceSnapshot Node(string state, string role) => new()
        {
            ResourceType = "Executable",
            State = state,
            Properties = [new(ResourceRoles.RoleProperty, role)],
        };

        Assert.True(ControlRoomCommands.CanTakeOver(Node(KnownResourceStates.Running, "replica")));
        Assert.False(ControlRoomCommands.CanTakeOver(Node(KnownResourceStates.Running, ResourceRoles.Leader)));
        Assert.False(ControlRoomCommands.CanTakeOver(Node(KnownResourceStates.Running, "unknown")));
        Assert.False(ControlRoomCommands.CanTakeOver(Node(KnownResourceStates.Finished, "replica")));
    }

    private static IEnumerable<(string, string?)> Shown(IReadOnlyList<ResourcePropertySnapshot> properties) =>
        properties.Select(p => (p.Name, p.Value as string));
}
