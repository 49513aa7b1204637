using Simulator.Load.Failover;
using Simulator.Load.Ledger;

namespace Simulator.Load.Tests.Failover;

public class SplitBrainDetectorTests
{
    /// <summary>A write whose committing request was sent at <paramref name="sent"/> and acknowledged at <paramref name="acknowledged"/>.</summary>
    private static LedgerEntry Ack(string id, double sent, double acknowledged, string? origin) =>
        new(id, "eu", "writes", acknowledged) { Origin = origin, SentAt = sent };

    [Fact]
    public void A_handover_from_one_timeline_to_the_next_is_no_split_brain()
    {
        LedgerEntry[] ledger =
        [
            Ack("1", 0.9, 1, "eu-pg-1/tl1"), Ack("2", 4.5, 4.9, "eu-pg-1/tl1"), Ack("3", 13, 14, "us-pg-1/tl2"), Ack("4", 19.5, 20, "us-pg-1/tl2"),
        ];

        Assert.Equal([new WriteOrigin("eu-pg-1/tl1", 2, 1, 4.9), new WriteOrigin("us-pg-1/tl2", 2, 14, 20)], SplitBrainDetector.Origins(ledger));
        Assert.Equal(new SplitBrainFinding(false, 0, null, null), SplitBrainDetector.Detect(ledger));
    }

    [Fact]
    public void Requests_in_flight_across_the_handover_are_no_split_brain()
    {
        // The old leader's last write was sent before the new leader's first was acknowledged and answered after it:
        // its commit may well have come first, so nothing proves both accepted writes at once.
        LedgerEntry[] ledger =
        [
            Ack("1", 0.9, 1, "eu-pg-1/tl1"), Ack("2", 9, 14.5, "eu-pg-1/tl1"), Ack("3", 13, 14, "us-pg-1/tl2"), Ack("4", 19.5, 20, "us-pg-1/tl2"),
        ];

        Assert.Equal(false, SplitBrainDetector.Detect(ledger).Detected);
    }

    [Fact]
    public void An_old_leader_acknowledging_between_two_writes_of_the_new_one_is_a_split_brain_with_its_window()
    {
        LedgerEntry[] ledger =
        [
            Ack("1", 0.5, 1, "eu-pg-1/tl1"),
            Ack("2", 13.5, 14, "us-pg-1/tl2"),
            Ack("3", 15.5, 16, "eu-pg-1/tl1"), // after us acknowledged one and before us was sent another
            Ack("4", 16.2, 16.4, "eu-pg-1/tl1"),
            Ack("5", 19.5, 20, "us-pg-1/tl2"),
        ];

        // 3 and 4 lie inside us's span; 2 lies inside eu's (eu acknowledged 1 before it was sent and was sent 3 after).
        Assert.Equal(new SplitBrainFinding(true, 3, 13.5, 16.4), SplitBrainDetector.Detect(ledger));
    }

    [Fact]
    public void Two_servers_on_the_same_timeline_are_two_origins()
    {
        // Two replicas each promoted themselves to timeline 2: the node tells them apart.
        LedgerEntry[] ledger =
        [
            Ack("1", 10, 11, "us-pg-1/tl2"), Ack("2", 12, 13, "apac-pg-1/tl2"), Ack("3", 14, 15, "us-pg-1/tl2"),
        ];

        Assert.Equal(new SplitBrainFinding(true, 1, 12, 13), SplitBrainDetector.Detect(ledger));
    }

    [Fact]
    public void Without_origins_nothing_can_be_said()
    {
        LedgerEntry[] ledger = [Ack("1", 0.5, 1, null), Ack("2", 1.5, 2, null)];

        Assert.Empty(SplitBrainDetector.Origins(ledger));
        Assert.Equal(SplitBrainFinding.Unknown, SplitBrainDetector.Detect(ledger));
    }

    [Fact]
    public void Without_send_times_the_acknowledgements_alone_decide()
    {
        LedgerEntry[] ledger =
        [
            new("1", "eu", "w", 1) { Origin = "a/tl1" }, new("2", "eu", "w", 2) { Origin = "b/tl2" }, new("3", "eu", "w", 3) { Origin = "a/tl1" },
        ];

        Assert.Equal(new SplitBrainFinding(true, 1, 2, 2), SplitBrainDetector.Detect(ledger));
    }
}
