using Simulator.Load.Failover;

namespace Simulator.Load.Tests.Failover;

public class LeaderEventDetectorTests
{
    private static readonly DateTimeOffset Origin = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static ClusterObservation At(double seconds, string? leader, params NodeObservation[] nodes) =>
        new(Origin.AddSeconds(seconds), true, leader, nodes);

    private static NodeObservation Primary(string node, long timeline = 1) => new(node, true, "primary", true, timeline);

    private static NodeObservation Replica(string node, long timeline = 1) => new(node, true, "replica", true, timeline);

    private static NodeObservation Down(string node) => NodeObservation.Unreachable(node);

    [Fact]
    public void A_killed_leader_is_seen_unreachable_then_lost_then_replaced_then_rejoining()
    {
        var events = LeaderEventDetector.Detect(
        [
            At(0.0, "eu", Primary("eu"), Replica("us"), Replica("apac")),
            At(0.1, "eu", Primary("eu"), Replica("us"), Replica("apac")),
            At(5.2, "eu", Down("eu"), Replica("us"), Replica("apac")),
            At(5.3, "eu", Down("eu"), Replica("us"), Replica("apac")),
            At(14.9, null, Down("eu"), Replica("us"), Replica("apac")),
            At(15.0, "us", Down("eu"), Replica("us"), Replica("apac")),
            At(15.6, "us", Down("eu"), Primary("us", 2), Replica("apac", 2)),
            At(15.7, "us", Down("eu"), Primary("us", 2), Replica("apac", 2)),
            At(40.0, "us", new NodeObservation("eu", true, "replica", false, 1), Primary("us", 2), Replica("apac", 2)),
            At(41.5, "us", Replica("eu", 2), Primary("us", 2), Replica("apac", 2)),
        ],
        Origin);

        Assert.Equal(
        [
            new FailoverEvent(FailoverEventKind.LeaderUnreachable, "eu", 5.2),
            new FailoverEvent(FailoverEventKind.LeaderLost, "eu", 14.9),
            new FailoverEvent(FailoverEventKind.LeaderElected, "us", 15.0),
            new FailoverEvent(FailoverEventKind.LeaderPromoted, "us", 15.6),
            new FailoverEvent(FailoverEventKind.OldLeaderRejoined, "eu", 41.5),
        ],
        events);
    }

    [Fact]
    public void A_key_that_changes_hands_between_two_polls_is_lost_and_elected_at_the_same_poll()
    {
        var events = LeaderEventDetector.Detect(
        [
            At(1, "eu", Primary("eu"), Replica("us")),
            At(2, "us", Replica("eu"), Primary("us")),
        ],
        Origin);

        Assert.Equal(
        [
            new FailoverEvent(FailoverEventKind.LeaderLost, "eu", 2),
            new FailoverEvent(FailoverEventKind.LeaderElected, "us", 2),
            new FailoverEvent(FailoverEventKind.LeaderPromoted, "us", 2),
            new FailoverEvent(FailoverEventKind.OldLeaderRejoined, "eu", 2),
        ],
        events);
    }

    [Fact]
    public void Two_running_primaries_are_reported_once_per_overlap()
    {
        var events = LeaderEventDetector.Detect(
        [
            At(1, "eu", Primary("eu"), Replica("us")),
            At(2, "us", Primary("eu"), Primary("us", 2)),
            At(3, "us", Primary("eu"), Primary("us", 2)),
            At(4, "us", Replica("eu", 2), Primary("us", 2)),
            At(5, "us", Primary("eu"), Primary("us", 2)),
        ],
        Origin);

        Assert.Equal(
            [new FailoverEvent(FailoverEventKind.MultiplePrimaries, "eu+us", 2), new FailoverEvent(FailoverEventKind.MultiplePrimaries, "eu+us", 5)],
            events.Where(e => e.Kind == FailoverEventKind.MultiplePrimaries));
    }

    [Fact]
    public void Unanswered_dcs_polls_change_nothing_and_the_first_leader_is_no_election()
    {
        var events = LeaderEventDetector.Detect(
        [
            new ClusterObservation(Origin.AddSeconds(0.5), true, null, [Replica("eu")]),
            At(1, "eu", Primary("eu")),
            new ClusterObservation(Origin.AddSeconds(2), false, null, [Primary("eu")]),
            At(3, "eu", Primary("eu")),
        ],
        Origin);

        Assert.Empty(events);
    }
}
