using Simulator.Load.Failover;
using Simulator.Load.Ledger;

namespace Simulator.Load.Tests.Failover;

public class SplitBrainDetectorTests
{
    private static LedgerEntry Ack(string id, double time, string? origin) => new(id, "eu", "writes", time) { Origin = origin };

    [Fact]
    public void A_handover_from_one_timeline_to_the_next_is_no_split_brain()
    {
        var origins = SplitBrainDetector.Origins(
            [Ack("1", 1, "eu-pg-1/tl1"), Ack("2", 4.9, "eu-pg-1/tl1"), Ack("3", 14, "us-pg-1/tl2"), Ack("4", 20, "us-pg-1/tl2")]);

        Assert.Equal([new WriteOrigin("eu-pg-1/tl1", 2, 1, 4.9), new WriteOrigin("us-pg-1/tl2", 2, 14, 20)], origins);
        Assert.False(SplitBrainDetector.Detect(origins));
    }

    [Fact]
    public void An_old_leader_acknowledging_after_the_new_one_started_is_a_split_brain()
    {
        var origins = SplitBrainDetector.Origins(
            [Ack("1", 1, "eu-pg-1/tl1"), Ack("2", 14, "us-pg-1/tl2"), Ack("3", 16, "eu-pg-1/tl1"), Ack("4", 20, "us-pg-1/tl2")]);

        Assert.True(SplitBrainDetector.Detect(origins));
    }

    [Fact]
    public void Without_origins_nothing_can_be_said()
    {
        var origins = SplitBrainDetector.Origins([Ack("1", 1, null), Ack("2", 2, null)]);

        Assert.Empty(origins);
        Assert.Null(SplitBrainDetector.Detect(origins));
    }
}
