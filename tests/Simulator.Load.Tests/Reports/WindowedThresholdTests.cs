using Simulator.Load.Measurement;
using Simulator.Load.Reports;
using Simulator.Load.Reports.Thresholds;
using static Simulator.Load.Reports.Thresholds.ThresholdOperator;
using static Simulator.Load.Reports.Thresholds.ThresholdUnit;

namespace Simulator.Load.Tests.Reports;

public class WindowedThresholdTests
{
    private static readonly TimeSpan TenSeconds = TimeSpan.FromSeconds(10);

    // 60 s at 20 arrivals/s: in seconds 30..34 five of the twenty fail; in seconds 10..12 ten of the twenty are dropped.
    private static WorkloadResult Timeline(string name = "w", string region = "eu")
    {
        var intervals = Enumerable.Range(0, 60).Select(s =>
        {
            long failed = s is >= 30 and < 35 ? 5 : 0;
            long dropped = s is >= 10 and < 13 ? 10 : 0;
            long ran = 20 - dropped;
            return new IntervalSnapshot(s, ran, ran - failed, failed, dropped, 0, 10, 20) { Started = ran, Arrivals = 20 };
        }).ToList();
        return Support.Reports.Workload(name, region, ok: intervals.Sum(i => i.Ok), failed: 25, unknown: 0, dropped: 30, targetRate: 20, achievedRate: 19.5) with
        {
            Intervals = intervals,
            Arrivals = 1200,
        };
    }

    private static ThresholdReport Judge(string metric, ThresholdOperator op, double value, ThresholdUnit unit, params WorkloadResult[] workloads)
        => ThresholdEvaluator.Evaluate(
            new ThresholdSpec(metric, op, value, unit) { Window = TenSeconds },
            Support.Reports.Report(Support.Reports.Run(workloads.Length > 0 ? workloads : [Timeline()])));

    [Fact]
    public void An_error_burst_fails_a_windowed_error_rate_that_the_whole_run_passes()
    {
        var report = Support.Reports.Report(Support.Reports.Run(Timeline()));
        var whole = ThresholdEvaluator.Evaluate(new ThresholdSpec("w.error_rate", LessThan, 5, Percent), report);

        Assert.Equal(new ThresholdReport("w.error_rate < 5%", "2.137%", true), whole);
        // 25 failures among the 200 iterations of any 10 s window holding seconds 30..34; [25, 35) is the first.
        Assert.Equal(new ThresholdReport("w.error_rate < 5%", "12.5% (worst 10s window 25s–35s)", false), Judge("w.error_rate", LessThan, 5, Percent));
        Assert.Equal(new ThresholdReport("w.error_rate < 15%", "12.5% (worst 10s window 25s–35s)", true), Judge("w.error_rate", LessThan, 15, Percent));
        Assert.Equal("12.5% (worst 10s window 25s–35s)", Judge("error_rate", LessThan, 5, Percent).Actual);
    }

    [Fact]
    public void Drops_show_in_the_windowed_achieved_rate_as_a_share_and_as_a_rate()
    {
        // Windows holding seconds 10..12: 170 of 200 arrivals started.
        Assert.Equal(new ThresholdReport("w.achieved_rate >= 95%", "85% (worst 10s window 3s–13s)", false), Judge("w.achieved_rate", GreaterThanOrEqual, 95, Percent));
        Assert.Equal("17/s (worst 10s window 3s–13s)", Judge("w.achieved_rate", GreaterThanOrEqual, 19, PerSecond).Actual);
        Assert.Equal("0.85 (worst 10s window 3s–13s)", Judge("achieved_rate", GreaterThanOrEqual, 0.9, None).Actual);
        Assert.Equal("30 (worst 10s window 3s–13s)", Judge("w.dropped", LessThanOrEqual, 5, None).Actual);
    }

    [Fact]
    public void A_windowed_workload_threshold_holds_only_if_it_holds_in_every_region()
    {
        var calm = Timeline("w", "us") with
        {
            Intervals = [.. Enumerable.Range(0, 60).Select(s => new IntervalSnapshot(s, 20, 20, 0, 0, 0, 10, 20) { Started = 20, Arrivals = 20 })],
        };

        var verdict = Judge("w.error_rate", LessThan, 5, Percent, calm, Timeline("w", "apac"));
        var us = Judge("w@us.error_rate", LessThan, 5, Percent, calm, Timeline("w", "apac"));

        Assert.Equal(new ThresholdReport("w.error_rate < 5%", "12.5% (apac, worst 10s window 25s–35s)", false), verdict);
        Assert.Equal(new ThresholdReport("w@us.error_rate < 5%", "0% (worst 10s window 0s–10s)", true), us);
    }

    [Fact]
    public void Windowed_latency_reads_the_tracked_extremes_by_the_operators_direction()
    {
        var tracked = Timeline() with
        {
            WindowedLatency = [new WindowedLatency(10, 51, null, null, new WindowExtremes(80, 3, 2100, 40), null, null)],
        };

        Assert.Equal(new ThresholdReport("w.p99 < 2s", "2.1s (worst 10s window 40s–50s)", false), Judge("w.p99", LessThan, 2, Seconds, tracked));
        Assert.Equal("80ms (worst 10s window 3s–13s)", Judge("w.p99", GreaterThan, 50, Milliseconds, tracked).Actual);
        Assert.True(Judge("w.p99", GreaterThan, 50, Milliseconds, tracked).Passed);
        Assert.Equal("not measured", Judge("w.p90", LessThan, 2, Seconds, tracked).Actual);
        Assert.StartsWith("not measured (no 10s window", Judge("w.p99", LessThan, 2, Seconds).Actual, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_shorter_than_the_window_is_judged_over_the_whole_run_and_says_so()
    {
        var shortRun = Timeline() with { Intervals = [.. Timeline().Intervals.Take(4)] };

        var verdict = ThresholdEvaluator.Evaluate(
            new ThresholdSpec("w.error_rate", LessThan, 1, Percent) { Window = TimeSpan.FromSeconds(30) },
            Support.Reports.Report(Support.Reports.Run(shortRun)));

        Assert.Equal(new ThresholdReport("w.error_rate < 1%", "0% (the whole 4s run, shorter than the window)", true), verdict);
    }

    [Fact]
    public void Once_per_run_metrics_and_missing_figures_are_not_judged_per_window()
    {
        Assert.Equal("lost_writes is measured once per run, not per window", Judge("lost_writes", Equal, 0, None).Actual);
        Assert.Equal("not measured", Judge("nosuch.error_rate", LessThan, 1, Percent).Actual);
        var noTimeline = Support.Reports.Workload("w") with { Intervals = [] };
        Assert.Equal("not measured", Judge("w.error_rate", LessThan, 1, Percent, noTimeline).Actual);
        Assert.Equal("unit 's' does not apply to w.error_rate", Judge("w.error_rate", LessThan, 1, Seconds).Actual);
    }
}
