using Simulator.Load.Reports.Sweep;
using Simulator.Load.Tests.Support;

namespace Simulator.Load.Tests.Reports;

public sealed class SweepReportTests
{
    [Fact]
    public void Rates_rise_by_step_or_by_factor_and_never_pass_the_top()
    {
        Assert.Equal([10, 20, 30, 40], new SweepPlan(10, 45, Step: 10).Rates());
        Assert.Equal([10, 15, 22.5, 33.75], new SweepPlan(10, 40, Factor: 1.5).Rates());
        Assert.Equal([5], new SweepPlan(5, 5).Rates());
    }

    [Fact]
    public void A_plan_that_cannot_run_says_every_reason()
    {
        Assert.Equal(["--from must be a positive rate", "--to must be at least --from", "--step must be a positive rate"], new SweepPlan(0, -1, Step: 0).Validate());
        Assert.Equal(["--factor must be above 1"], new SweepPlan(1, 10, Factor: 1).Validate());
        Assert.Equal([$"the plan has more than {SweepPlan.MaxSteps} steps; raise --step or --factor"], new SweepPlan(1, 1000, Step: 1).Validate());
        Assert.Empty(new SweepPlan(10, 100, Step: 10).Validate());
    }

    [Fact]
    public void The_knee_is_the_last_pass_before_the_first_failure()
    {
        var sweep = Sweep(true, true, false, true);

        Assert.Equal(20, sweep.KneeRate);
        Assert.Equal(30, sweep.FirstFailingRate);
        Assert.Null(Sweep(false, true).KneeRate);
        Assert.Null(Sweep(true, true).FirstFailingRate);
    }

    [Fact]
    public void Markdown_html_and_json_show_the_knee_and_every_step()
    {
        var sweep = Sweep(true, true, false);

        var md = SweepMarkdown.Render(sweep);
        var html = SweepHtml.Render(sweep);
        var back = SweepJson.Deserialize(SweepJson.Serialize(sweep));

        Assert.Contains("**Knee: 20/s**", md, StringComparison.Ordinal);
        Assert.Contains("first failure at 30/s", md, StringComparison.Ordinal);
        Assert.Equal(3, md.Split('\n').Count(l => l.StartsWith("| ", StringComparison.Ordinal) && l.Contains("/s |", StringComparison.Ordinal) && !l.StartsWith("| target", StringComparison.Ordinal)));
        Assert.Contains("<strong>Knee: 20/s</strong>", html, StringComparison.Ordinal);
        Assert.Contains(">total target rate</text>", html, StringComparison.Ordinal);
        Assert.Contains(">30/s</text>", html, StringComparison.Ordinal);
        Assert.Equal(3, back.Steps.Count);
        Assert.Equal(sweep.KneeRate, back.KneeRate);
    }

    private static SweepReport Sweep(params bool[] passed)
    {
        var report = SampleReport.Build();
        var steps = passed.Select((ok, i) => SweepStep.Of(10 * (i + 1), report with { Passed = ok }, $"step-{i + 1}/report.json")).ToList();
        return new SweepReport(report.Scenario, report.Topology, "native", report.Machine, report.StartedAt, 60, steps, "a threshold failed");
    }
}
