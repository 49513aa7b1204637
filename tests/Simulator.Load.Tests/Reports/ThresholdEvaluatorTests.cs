using Simulator.Load.Measurement;
using Simulator.Load.Reports;
using Simulator.Load.Reports.Thresholds;
using static Simulator.Load.Reports.Thresholds.ThresholdOperator;
using static Simulator.Load.Reports.Thresholds.ThresholdUnit;

namespace Simulator.Load.Tests.Reports;

public class ThresholdEvaluatorTests
{
    private static readonly LoadReport Report = Support.Reports.Report(
        Support.Reports.Run(
            Support.Reports.Workload(),
            Support.Reports.Workload("warehouse-scan", "us", ok: 9000, failed: 0, unknown: 0, dropped: 0, targetRate: 50, achievedRate: 50, latency: new LatencySummary(10, 20, 30, 40, 50)),
            Support.Reports.Workload("warehouse-scan", "apac", ok: 6000, failed: 60, unknown: 0, dropped: 200, targetRate: 40, achievedRate: 38, latency: new LatencySummary(100, 200, 300, 400, 500))),
        lost: 3);

    [Theory]
    [InlineData("order-import.p99", LessThan, 1500, Milliseconds, "880.25ms", true)]
    [InlineData("order-import.p99", LessThan, 0.5, Seconds, "0.88s", false)]
    [InlineData("order-import.p50", LessThanOrEqual, 45.1, None, "45.1ms", true)]
    [InlineData("order-import.max", GreaterThan, 2, Seconds, "2.1s", true)]
    [InlineData("order-import.p999", GreaterThanOrEqual, 1401, Milliseconds, "1400ms", false)]
    [InlineData("order-import.error_rate", LessThan, 1, Percent, "0.334%", true)]
    [InlineData("order-import.error_rate", LessThan, 0.001, None, "0.003", false)]
    [InlineData("order-import.achieved_rate", GreaterThanOrEqual, 95, Percent, "99.75%", true)]
    [InlineData("order-import.achieved_rate", GreaterThanOrEqual, 20, PerSecond, "19.95/s", false)]
    [InlineData("order-import.dropped", Equal, 0, None, "8", false)]
    [InlineData("order-import.ok", NotEqual, 0, None, "3580", true)]
    [InlineData("lost_writes", Equal, 0, None, "3", false)]
    [InlineData("unknown_writes", LessThanOrEqual, 5, None, "2", true)]
    [InlineData("error_rate", LessThan, 1, Percent, "0.386%", true)]
    [InlineData("achieved_rate", GreaterThanOrEqual, 95, Percent, "95%", true)]
    [InlineData("achieved_rate", GreaterThan, 100, PerSecond, "107.95/s", true)]
    public void Verdicts_use_the_thresholds_unit(string metric, ThresholdOperator op, double value, ThresholdUnit unit, string actual, bool passed)
    {
        var verdict = ThresholdEvaluator.Evaluate(new ThresholdSpec(metric, op, value, unit), Report);

        Assert.Equal(actual, verdict.Actual);
        Assert.Equal(passed, verdict.Passed);
    }

    [Fact]
    public void A_workload_in_several_regions_must_hold_in_each()
    {
        var all = ThresholdEvaluator.Evaluate(new ThresholdSpec("warehouse-scan.p99", LessThan, 100, Milliseconds), Report);
        var us = ThresholdEvaluator.Evaluate(new ThresholdSpec("warehouse-scan@us.p99", LessThan, 100, Milliseconds), Report);
        var both = ThresholdEvaluator.Evaluate(new ThresholdSpec("warehouse-scan.p99", LessThan, 1, Seconds), Report);

        Assert.Equal(new ThresholdReport("warehouse-scan.p99 < 100ms", "300ms (apac)", false), all);
        Assert.Equal(new ThresholdReport("warehouse-scan@us.p99 < 100ms", "30ms", true), us);
        Assert.Equal(new ThresholdReport("warehouse-scan.p99 < 1s", "0.3s (apac)", true), both);
    }

    [Fact]
    public void A_metric_the_run_did_not_measure_fails_as_not_measured()
    {
        var unmeasured = Support.Reports.Report(Support.Reports.Run(Support.Reports.Workload(ok: 0, failed: 5, measured: false)), lost: null);

        ThresholdSpec[] thresholds =
        [
            new("order-import.p99", LessThan, 1500, Milliseconds),
            new("lost_writes", Equal, 0),
            new("failover.rto", LessThan, 15, Seconds),
            new("nosuch.p99", LessThan, 1, Seconds),
            new("order-import.p99", LessThan, 1, Seconds) { Window = TimeSpan.FromSeconds(30) },
        ];

        var verdicts = ThresholdEvaluator.Evaluate(thresholds, unmeasured);

        Assert.All(verdicts, v => Assert.False(v.Passed));
        Assert.All(verdicts, v => Assert.StartsWith(ThresholdEvaluator.NotMeasured, v.Actual, StringComparison.Ordinal));
        Assert.Equal(ThresholdEvaluator.NotMeasured, verdicts[0].Actual);
    }

    [Fact]
    public void Failover_metrics_are_read_when_measured()
    {
        var report = Support.Reports.Report(failover: new FailoverReport(9.5, 7.25, "pg-1", "pg-2", 0, false));

        Assert.Equal(new ThresholdReport("failover.rto < 15s", "9.5s", true), ThresholdEvaluator.Evaluate(new ThresholdSpec("failover.rto", LessThan, 15, Seconds), report));
        Assert.Equal("7250ms", ThresholdEvaluator.Evaluate(new ThresholdSpec("failover.error_window", LessThan, 5000, Milliseconds), report).Actual);
        Assert.True(ThresholdEvaluator.Evaluate(new ThresholdSpec("failover.lost_writes", Equal, 0), report).Passed);
    }

    [Fact]
    public void Unknown_metrics_and_units_that_do_not_apply_fail_and_say_why()
    {
        var unknown = ThresholdEvaluator.Evaluate(new ThresholdSpec("order-import.p42", LessThan, 1, Seconds), Report);
        var wrongUnit = ThresholdEvaluator.Evaluate(new ThresholdSpec("order-import.p99", LessThan, 5, Percent), Report);

        Assert.Equal((false, "unknown metric 'order-import.p42'"), (unknown.Passed, unknown.Actual));
        Assert.Equal((false, "unit '%' does not apply to order-import.p99"), (wrongUnit.Passed, wrongUnit.Actual));
    }

    [Fact]
    public void The_expression_as_written_is_kept()
    {
        var verdict = ThresholdEvaluator.Evaluate(new ThresholdSpec("order-import.p99", LessThan, 1500, Milliseconds) { Expression = "order-import.p99 < 1.5s" }, Report);

        Assert.Equal("order-import.p99 < 1.5s", verdict.Expression);
    }
}
