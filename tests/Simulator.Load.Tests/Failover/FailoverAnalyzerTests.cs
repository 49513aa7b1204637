using Simulator.Load.Failover;
using Simulator.Load.Ledger;
using Simulator.Load.Measurement;

namespace Simulator.Load.Tests.Failover;

public class FailoverAnalyzerTests
{
    private static IterationOutcome Write(string region, double sent, double ended, Outcome outcome = Outcome.Ok) =>
        new("writes", region, sent, ended, outcome, null);

    private static readonly IReadOnlyList<FailoverEvent> Events =
    [
        new(FailoverEventKind.LeaderUnreachable, "eu-pg-1", 10.05),
        new(FailoverEventKind.LeaderLost, "eu-pg-1", 19.9),
        new(FailoverEventKind.LeaderElected, "us-pg-1", 20.1),
        new(FailoverEventKind.LeaderPromoted, "us-pg-1", 20.8),
        new(FailoverEventKind.OldLeaderRejoined, "eu-pg-1", 45),
    ];

    [Fact]
    public void The_report_takes_the_worst_region_the_leaders_the_ledger_and_the_origins()
    {
        var report = FailoverAnalyzer.Analyze(new FailoverInput(
            10,
            [
                Write("eu", 9.9, 9.95), Write("eu", 10.1, 10.2, Outcome.Failed), Write("eu", 21, 21.1),
                Write("us", 9.9, 9.92), Write("us", 10.1, 13, Outcome.Unknown), Write("us", 22, 22.3),
            ],
            Events)
        {
            HealedAtSeconds = 35,
            LedgerCheck = new LedgerCheckResult(3, 0, 1, []) { Recovered = 1 },
            Ledger = [new("a", "eu", "writes", 9.95) { Origin = "eu-pg-1/tl1" }, new("b", "eu", "writes", 21.1) { Origin = "us-pg-1/tl2" }],
        });

        Assert.Equal(12.3, report.RtoSeconds);
        Assert.Equal(10.9, report.ErrorWindowSeconds);
        Assert.Equal("eu-pg-1", report.OldLeader);
        Assert.Equal("us-pg-1", report.NewLeader);
        Assert.Equal(0, report.LostWrites);
        Assert.Equal(1, report.RecoveredWrites);
        Assert.False(report.SplitBrain);
        Assert.Equal(0, report.SplitBrainWrites);
        Assert.Null(report.SplitBrainFromSeconds);
        Assert.Equal(19.9, report.LeaderLostAtSeconds);
        Assert.Equal(20.1, report.NewLeaderElectedAtSeconds);
        Assert.Equal(20.8, report.NewLeaderPromotedAtSeconds);
        Assert.Equal(45, report.OldLeaderRejoinedAtSeconds);
        Assert.Equal(10, report.OldLeaderRejoinSeconds);
        Assert.Equal(2, report.Regions!.Count);
        Assert.Equal(5, report.Events!.Count);
    }

    [Fact]
    public void A_region_that_never_recovered_leaves_rto_unmeasured_and_unknown_figures_stay_null()
    {
        var report = FailoverAnalyzer.Analyze(new FailoverInput(
            10, [Write("eu", 9, 9.1), Write("eu", 11, 11.5, Outcome.Failed), Write("us", 11, 11.1)], []));

        Assert.Null(report.RtoSeconds);
        Assert.Null(report.ErrorWindowSeconds);
        Assert.Null(report.OldLeader);
        Assert.Null(report.NewLeader);
        Assert.Null(report.LostWrites);
        Assert.Null(report.SplitBrain);
        Assert.Null(report.SplitBrainWrites);
    }

    [Fact]
    public void Events_before_the_fault_or_after_the_span_are_left_out()
    {
        var report = FailoverAnalyzer.Analyze(new FailoverInput(15, [], Events) { UntilSeconds = 20 });

        Assert.Equal(["eu-pg-1"], report.Events!.Select(e => e.Node));
        Assert.Equal("eu-pg-1", report.OldLeader);
        Assert.Null(report.NewLeader);
    }
}
