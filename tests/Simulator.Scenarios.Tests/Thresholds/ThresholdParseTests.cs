namespace Simulator.Scenarios.Tests.Thresholds;

public class ThresholdParseTests
{
    [Fact]
    public void Parses_a_workload_latency_threshold()
    {
        var threshold = Threshold.Parse("order-import.p99 < 1500ms");
        Assert.Equal("order-import.p99 < 1500ms", threshold.Expression);
        Assert.Equal("order-import.p99", threshold.Metric);
        Assert.Equal("order-import", threshold.Workload);
        Assert.Null(threshold.Region);
        Assert.Equal("p99", threshold.Statistic);
        Assert.Equal(ThresholdOperator.LessThan, threshold.Operator);
        Assert.Equal(ThresholdValueKind.Duration, threshold.Value.Kind);
        Assert.Equal(1.5, threshold.Value.Amount, 9);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), threshold.Value.Duration);
        Assert.Equal("1500ms", threshold.Value.Text);
        Assert.Null(threshold.Window);
        Assert.False(threshold.IsGlobal);
    }

    [Theory]
    [InlineData("lost_writes < 1", ThresholdOperator.LessThan)]
    [InlineData("lost_writes <= 1", ThresholdOperator.LessThanOrEqual)]
    [InlineData("lost_writes > 1", ThresholdOperator.GreaterThan)]
    [InlineData("lost_writes >= 1", ThresholdOperator.GreaterThanOrEqual)]
    [InlineData("lost_writes == 1", ThresholdOperator.Equal)]
    [InlineData("lost_writes != 1", ThresholdOperator.NotEqual)]
    [InlineData("lost_writes==1", ThresholdOperator.Equal)]
    [InlineData("  lost_writes   !=1  ", ThresholdOperator.NotEqual)]
    public void Parses_every_operator_with_or_without_spaces(string text, ThresholdOperator op)
    {
        var threshold = Threshold.Parse(text);
        Assert.Equal(op, threshold.Operator);
        Assert.Equal("lost_writes", threshold.Metric);
        Assert.Equal(1, threshold.Value.Amount);
        Assert.Equal(text.Trim(), threshold.Expression);
    }

    [Theory]
    [InlineData("order-import.p99 < 2000ms", ThresholdValueKind.Duration, 2.0)]
    [InlineData("order-import.p99 < 2s", ThresholdValueKind.Duration, 2.0)]
    [InlineData("order-import.max < 1m30s", ThresholdValueKind.Duration, 90.0)]
    [InlineData("order-import.error_rate < 1%", ThresholdValueKind.Percentage, 0.01)]
    [InlineData("order-import.error_rate < 0.5%", ThresholdValueKind.Percentage, 0.005)]
    [InlineData("achieved_rate >= 95%", ThresholdValueKind.Percentage, 0.95)]
    [InlineData("order-import.achieved_rate >= 19/s", ThresholdValueKind.Rate, 19.0)]
    [InlineData("achieved_rate >= 1140/m", ThresholdValueKind.Rate, 19.0)]
    [InlineData("lost_writes == 0", ThresholdValueKind.Number, 0.0)]
    [InlineData("order-import.dropped < 10", ThresholdValueKind.Number, 10.0)]
    [InlineData("failover.rto < 15s", ThresholdValueKind.Duration, 15.0)]
    [InlineData("failover.error_window < 10s", ThresholdValueKind.Duration, 10.0)]
    public void Reads_values_in_their_canonical_units(string text, ThresholdValueKind kind, double amount)
    {
        var value = Threshold.Parse(text).Value;
        Assert.Equal(kind, value.Kind);
        Assert.Equal(amount, value.Amount, 9);
    }

    [Fact]
    public void Value_accessors_expose_only_the_kind_written()
    {
        var percent = Threshold.Parse("achieved_rate >= 95%").Value;
        Assert.Equal(95, percent.Percent!.Value, 9);
        Assert.Null(percent.Duration);
        Assert.Null(percent.Rate);
        var rate = Threshold.Parse("achieved_rate >= 20/s").Value;
        Assert.Equal(new Rate(20), rate.Rate);
        Assert.Null(rate.Percent);
    }

    [Theory]
    [InlineData("achieved_rate", "achieved_rate")]
    [InlineData("error_rate", "error_rate")]
    [InlineData("lost_writes", "lost_writes")]
    [InlineData("unknown_writes", "unknown_writes")]
    [InlineData("failover.rto", "failover.rto")]
    [InlineData("failover.error_window", "failover.error_window")]
    [InlineData("failover.lost_writes", "failover.lost_writes")]
    public void Recognises_every_global_metric(string metric, string statistic)
    {
        var example = ThresholdMetrics.FindGlobal(metric)!.Example;
        var threshold = Threshold.Parse($"{metric} <= {example}");
        Assert.True(threshold.IsGlobal);
        Assert.Null(threshold.Workload);
        Assert.Equal(statistic, threshold.Statistic);
    }

    [Fact]
    public void Every_workload_statistic_parses_with_its_example_value()
    {
        foreach (var metric in ThresholdMetrics.PerWorkload)
        {
            var threshold = Threshold.Parse($"warehouse-scan.{metric.Name} <= {metric.Example}");
            Assert.Equal(metric.Name, threshold.Statistic);
            Assert.Equal("warehouse-scan", threshold.Workload);
            Assert.Contains(threshold.Value.Kind, metric.Accepts);
        }
    }

    [Fact]
    public void A_workload_metric_may_name_a_region()
    {
        var threshold = Threshold.Parse("warehouse-scan@apac.p90 < 800ms");
        Assert.Equal("warehouse-scan", threshold.Workload);
        Assert.Equal("apac", threshold.Region);
        Assert.Equal("p90", threshold.Statistic);
        Assert.Equal("warehouse-scan@apac.p90", threshold.Metric);
    }

    [Theory]
    [InlineData("order-import.p99 < 1500ms over any 30s window", 30)]
    [InlineData("order-import.error_rate < 1% over any 1m window", 60)]
    [InlineData("achieved_rate >= 90%   over   any 1m30s   window", 90)]
    [InlineData("warehouse-scan@us.p999<=3s over any 10s window", 10)]
    public void Parses_windowed_thresholds(string text, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), Threshold.Parse(text).Window);
    }

    [Theory]
    [InlineData("", "the threshold is empty", 0)]
    [InlineData("order-import.p99", "`order-import.p99` is not compared with anything", 16)]
    [InlineData("order-import.p99 1500ms", "expected a comparison after `order-import.p99`, found `1500ms`", 17)]
    [InlineData("order-import.p99 <", "`order-import.p99 <` needs a value after it", 18)]
    [InlineData("< 5", "a threshold starts with a metric", 0)]
    [InlineData("lost_writes == 0 please", "unexpected `please` after the value", 17)]
    [InlineData("order-import.p99 < 1s over 30s window", "expected `any` after `over`", 27)]
    [InlineData("order-import.p99 < 1s over any 30 window", "the window length: the duration `30` has no unit", 31)]
    [InlineData("order-import.p99 < 1s over any 30s", "expected `window` after the window length", 34)]
    [InlineData("order-import.p99 < 1s over any 30s windw", "expected `window` after the window length", 35)]
    [InlineData("order-import.p99 < 1s over any 0s window", "the window must be longer than zero", 31)]
    [InlineData("order-import.p99 < 1s over any 30s window now", "unexpected `now` after the window", 42)]
    [InlineData("order-import.p99 < -5ms", "a duration cannot be negative: `-5ms`", 19)]
    [InlineData("order-import.p99 < 5ms!", "`5ms!` is not a value", 19)]
    [InlineData("order-import.error_rate < x%", "`x%` is not a percentage", 26)]
    public void Rejects_malformed_expressions_at_the_offending_offset(string text, string message, int offset)
    {
        Assert.False(Threshold.TryParse(text, out _, out var error));
        Assert.Equal(message, error.Message);
        Assert.Equal(offset, error.Offset);
    }

    [Theory]
    [InlineData("lost_writes = 0", "`=` is not a comparison", "write == to compare for equality")]
    [InlineData("achieved_rate => 95%", "`=>` is not a comparison", "write >=")]
    [InlineData("order-import.p99 =< 1s", "`=<` is not a comparison", "write <=")]
    [InlineData("lost_writes <> 0", "`<>` is not a comparison", "write !=")]
    public void Wrong_operators_get_the_right_one_as_hint(string text, string message, string hint)
    {
        Assert.False(Threshold.TryParse(text, out _, out var error));
        Assert.Equal(message, error.Message);
        Assert.Equal(hint, error.Hint);
    }

    [Theory]
    [InlineData("order-import.p99 < 2000", "`order-import.p99` is a duration: `2000` needs a unit", "write a unit: 2000ms")]
    [InlineData("order-import.error_rate < 1", "`order-import.error_rate` is a percentage: `1` needs a unit", "write a unit: 1%")]
    [InlineData("achieved_rate >= 95", "`achieved_rate` is a percentage or a rate: `95` needs a unit", "write a unit: 95% or 95/s")]
    [InlineData("lost_writes == 0ms", "`lost_writes` is a count (a plain number), not a duration", "write e.g. `0`")]
    [InlineData("failover.rto < 50%", "`failover.rto` is a duration, not a percentage", "write e.g. `15s`")]
    public void Values_must_carry_the_unit_their_metric_needs(string text, string message, string hint)
    {
        Assert.False(Threshold.TryParse(text, out _, out var error));
        Assert.Equal(message, error.Message);
        Assert.Equal(hint, error.Hint);
    }

    [Theory]
    [InlineData("lost_writs == 0", "`lost_writs` is not a metric", "did you mean `lost_writes`?", 0)]
    [InlineData("p99 < 1s", "`p99` is not a metric", "name the workload first, e.g. `order-import.p99`", 0)]
    [InlineData("failover.rtoo < 1s", "`failover.rtoo` is not a failover metric", "did you mean `failover.rto`?", 0)]
    [InlineData("order-import.p98 < 1s", "`p98` is not a workload statistic", "did you mean `p90` or `p99`?", 13)]
    [InlineData("order-import.latency < 1s", "`latency` is not a workload statistic", null, 13)]
    [InlineData("order import.p99 < 1s", "expected a comparison after `order`, found `import.p99`", "use <, <=, >, >=, == or !=", 6)]
    [InlineData("order/import.p99 < 1s", "`order/import` is not a workload name", null, 0)]
    public void Unknown_metrics_are_reported_with_a_hint(string text, string message, string? hint, int offset)
    {
        Assert.False(Threshold.TryParse(text, out _, out var error));
        Assert.Equal(message, error.Message);
        if (hint is null)
        {
            Assert.NotNull(error.Hint);
        }
        else
        {
            Assert.Equal(hint, error.Hint);
        }

        Assert.Equal(offset, error.Offset);
    }

    [Theory]
    [InlineData("lost_writes == 0 over any 30s window")]
    [InlineData("failover.rto < 15s over any 30s window")]
    public void Once_per_run_metrics_take_no_window(string text)
    {
        Assert.False(Threshold.TryParse(text, out _, out var error));
        Assert.EndsWith("is measured once per run, so it takes no window", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_throws_with_message_and_hint_and_TryParse_reports_success()
    {
        var exception = Assert.Throws<FormatException>(() => Threshold.Parse("lost_writes = 0"));
        Assert.Equal("`=` is not a comparison (write == to compare for equality)", exception.Message);
        Assert.True(Threshold.TryParse("lost_writes == 0", out var threshold));
        Assert.Equal("lost_writes == 0", threshold.ToString());
        Assert.False(Threshold.TryParse(null, out _));
    }

    [Theory]
    [InlineData(ThresholdOperator.LessThan, "<")]
    [InlineData(ThresholdOperator.LessThanOrEqual, "<=")]
    [InlineData(ThresholdOperator.GreaterThan, ">")]
    [InlineData(ThresholdOperator.GreaterThanOrEqual, ">=")]
    [InlineData(ThresholdOperator.Equal, "==")]
    [InlineData(ThresholdOperator.NotEqual, "!=")]
    public void Operators_round_trip_through_their_symbols(ThresholdOperator op, string symbol)
    {
        Assert.Equal(symbol, op.ToSymbol());
        Assert.Equal(op, Threshold.Parse($"lost_writes {symbol} 0").Operator);
    }
}
