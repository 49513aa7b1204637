using Microsoft.Extensions.Time.Testing;
using Simulator.Load.Reports;
using Simulator.Load.Reports.Thresholds;
using Simulator.Load.Scheduling;
using Simulator.Load.Tests.Support;

namespace Simulator.Load.Tests.Reports;

public class AchievedRateRuleTests
{
    private static LoadReport Build(IReadOnlyList<ThresholdSpec> thresholds, AchievedRateRule? rule, params Load.Measurement.WorkloadResult[] workloads)
        => LoadReportBuilder.Build(Support.Reports.Header, Support.Reports.Run(workloads), thresholds, achievedRateRule: rule, machine: Support.Reports.Machine);

    private static Load.Measurement.WorkloadResult Open(double achieved) => Support.Reports.Workload(targetRate: 20, achievedRate: achieved);

    [Fact]
    public void The_rule_is_on_by_default_and_fails_a_run_short_of_its_target_by_more_than_5_percent()
    {
        var report = Build([], null, Open(18));

        var verdict = Assert.Single(report.Thresholds);
        Assert.Equal(new ThresholdReport("achieved_rate >= 95% (achieved-rate rule)", "90%", false), verdict);
        Assert.False(report.Passed);
        Assert.True(Build([], null, Open(19.2)).Passed);
        Assert.Equal(0.05, AchievedRateRule.DefaultMargin);
    }

    [Fact]
    public void The_margin_can_be_set_and_the_rule_turned_off()
    {
        Assert.Equal(new ThresholdReport("achieved_rate >= 80% (achieved-rate rule)", "90%", true), Assert.Single(Build([], new AchievedRateRule(0.2), Open(18)).Thresholds));
        Assert.Empty(Build([], AchievedRateRule.Off, Open(18)).Thresholds);
        Assert.True(Build([], AchievedRateRule.Off, Open(18)).Passed);
        Assert.Throws<ArgumentOutOfRangeException>(() => new AchievedRateRule(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AchievedRateRule(-0.01));
    }

    [Fact]
    public void A_scenarios_own_achieved_rate_threshold_replaces_the_rule()
    {
        ThresholdSpec own = new("order-import.achieved_rate", ThresholdOperator.GreaterThanOrEqual, 85, ThresholdUnit.Percent);

        var report = Build([own], null, Open(18));

        Assert.Equal(new ThresholdReport("order-import.achieved_rate >= 85%", "90%", true), Assert.Single(report.Thresholds));
        Assert.True(AchievedRateRule.IsCoveredBy([own]));
        Assert.True(AchievedRateRule.IsCoveredBy([new ThresholdSpec("achieved_rate", ThresholdOperator.GreaterThan, 10, ThresholdUnit.PerSecond)]));
    }

    [Fact]
    public void Closed_model_workloads_have_no_target_and_get_no_rule()
    {
        var closed = Support.Reports.Workload(targetRate: 0, achievedRate: 30) with { TargetRate = null };

        Assert.Empty(Build([], null, closed).Thresholds);
        // In a mix, only the open-model workload is judged.
        Assert.Equal("90%", Assert.Single(Build([], null, closed, Open(18) with { Name = "open" }).Thresholds).Actual);
    }

    [Fact]
    public async Task A_run_that_drops_arrivals_fails_by_the_rule_without_any_scenario_threshold()
    {
        var time = new FakeTimeProvider();
        // 10/s, one virtual user, 150 ms per iteration: every other arrival finds the user busy.
        var workload = DelegateWorkload.Taking(time, TimeSpan.FromMilliseconds(150));
        var run = await FakeRun.RunAsync(time, FakeRun.Plan(new ConstantRate(10), TimeSpan.FromSeconds(2), maxInFlight: 1), workload, TimeSpan.FromSeconds(3));

        var report = LoadReportBuilder.Build(Support.Reports.Header, run, [], machine: Support.Reports.Machine);

        Assert.Equal(10, run.Workloads[0].Dropped);
        Assert.Equal(new ThresholdReport("achieved_rate >= 95% (achieved-rate rule)", "50%", false), Assert.Single(report.Thresholds));
        Assert.False(report.Passed);
    }
}
