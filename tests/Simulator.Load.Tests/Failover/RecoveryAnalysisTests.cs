using Simulator.Load.Failover;
using Simulator.Load.Measurement;

namespace Simulator.Load.Tests.Failover;

public class RecoveryAnalysisTests
{
    private static IterationOutcome Write(string region, double sent, double ended, Outcome outcome = Outcome.Ok) =>
        new("writes", region, sent, ended, outcome, outcome == Outcome.Ok ? null : "x");

    [Fact]
    public void A_region_recovers_at_its_first_write_sent_after_the_fault_and_acknowledged_after_its_last_failure()
    {
        var regions = RecoveryAnalysis.PerRegion(
        [
            Write("eu", 4.80, 4.85),
            Write("eu", 4.90, 5.05),                 // sent before the fault, acknowledged after: committed before it
            Write("eu", 5.10, 5.20, Outcome.Failed),
            Write("eu", 5.30, 7.00, Outcome.Unknown),
            Write("eu", 9.00, 9.10),                 // a first success ...
            Write("eu", 9.05, 9.30, Outcome.Failed), // ... then a flap: still down
            Write("eu", 9.40, 9.45),
            Write("eu", 9.50, 9.55),
        ],
        faultAtSeconds: 5.0);

        var eu = Assert.Single(regions);
        Assert.Equal(new RegionFailover("eu", 4.85, 5.20, 9.45, 4.45, 4.25, 2, 1), eu);
    }

    [Fact]
    public void A_region_without_failures_recovers_at_its_first_write_after_the_fault_with_no_error_window()
    {
        var regions = RecoveryAnalysis.PerRegion([Write("us", 1, 1.1), Write("us", 5.5, 5.6)], faultAtSeconds: 5);

        Assert.Equal(new RegionFailover("us", 1.1, null, 5.6, 0.6, 0, 0, 0), Assert.Single(regions));
    }

    [Fact]
    public void A_region_that_never_recovers_in_its_span_has_no_rto_and_later_faults_are_outside_it()
    {
        var regions = RecoveryAnalysis.PerRegion(
            [Write("apac", 1, 1.2), Write("apac", 6, 6.1, Outcome.Failed), Write("apac", 31, 31.1)],
            faultAtSeconds: 5,
            untilSeconds: 30);

        Assert.Equal(new RegionFailover("apac", 1.2, 6.1, null, null, null, 1, 0), Assert.Single(regions));
    }

    [Fact]
    public void Regions_are_analyzed_apart_in_order_of_appearance()
    {
        var regions = RecoveryAnalysis.PerRegion(
            [Write("us", 1, 1.1), Write("eu", 1, 1.1), Write("eu", 6, 6.2, Outcome.Failed), Write("eu", 8, 8.1), Write("us", 6, 6.1)],
            faultAtSeconds: 5);

        Assert.Equal(["us", "eu"], regions.Select(r => r.Region));
        Assert.Equal(1.1, regions[0].RtoSeconds);
        Assert.Equal(3.1, regions[1].RtoSeconds);
        Assert.Equal(1.9, regions[1].ErrorWindowSeconds);
    }
}
