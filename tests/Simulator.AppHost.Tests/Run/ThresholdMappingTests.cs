using Simulator.AppHost.Run;
using Simulator.Load.Reports.Thresholds;
using Simulator.Scenarios;

namespace Simulator.AppHost.Tests.Run;

public sealed class ThresholdMappingTests
{
    [Theory]
    [InlineData("order-import.p99 < 800ms", "order-import.p99", ThresholdUnit.Milliseconds, 800)]
    [InlineData("failover.rto < 15s", "failover.rto", ThresholdUnit.Seconds, 15)]
    [InlineData("order-import.error_rate < 1%", "order-import.error_rate", ThresholdUnit.Percent, 1)]
    [InlineData("achieved_rate >= 99%", "achieved_rate", ThresholdUnit.Percent, 99)]
    [InlineData("lost_writes == 0", "lost_writes", ThresholdUnit.None, 0)]
    public void Keeps_the_metric_and_the_unit_the_author_wrote(string expression, string metric, ThresholdUnit unit, double value)
    {
        var spec = ThresholdMapping.ToSpec(Threshold.Parse(expression));

        Assert.Equal(metric, spec.Metric);
        Assert.Equal(unit, spec.Unit);
        Assert.Equal(value, spec.Value, precision: 9);
        Assert.Equal(expression, spec.Expression);
    }

    [Fact]
    public void Maps_every_operator()
    {
        Assert.Equal(Load.Reports.Thresholds.ThresholdOperator.LessThanOrEqual, ThresholdMapping.ToSpec(Threshold.Parse("lost_writes <= 1")).Operator);
        Assert.Equal(Load.Reports.Thresholds.ThresholdOperator.GreaterThan, ThresholdMapping.ToSpec(Threshold.Parse("lost_writes > 1")).Operator);
        Assert.Equal(Load.Reports.Thresholds.ThresholdOperator.NotEqual, ThresholdMapping.ToSpec(Threshold.Parse("lost_writes != 1")).Operator);
    }
}
