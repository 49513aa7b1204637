namespace Simulator.Scenarios.Tests.Loading;

/// <summary>Closed models, <c>phases:</c> (with <c>pause</c>) and rates below one a second, as read and validated.</summary>
public class PhasesTests
{
    private const string Header = "name: x\nduration: 60s\nworkloads:\n";

    [Fact]
    public void Reads_phases_of_closed_open_and_pause_models_in_order()
    {
        var workload = ScenarioLoader.Load(Fixtures.Path("phases.yaml")).GetScenarioOrThrow().Workloads[0];

        Assert.Equal(WorkloadModel.Unspecified, workload.Model);
        Assert.Equal(
            [WorkloadModel.ConstantConcurrency, WorkloadModel.Pause, WorkloadModel.RampingConcurrency, WorkloadModel.RampingRate, WorkloadModel.ConstantRate],
            workload.Phases.Select(p => p.Model));
        Assert.Equal([30, 10, 20, 30, (int?)null], workload.Phases.Select(p => (int?)p.Duration?.TotalSeconds));
        Assert.Equal(4, workload.Phases[0].Concurrency);
        Assert.Equal(TimeSpan.FromMilliseconds(200), workload.Phases[0].ThinkTime);
        Assert.Equal(8, Assert.Single(workload.Phases[2].Stages).Concurrency);
        Assert.Equal(0.5, workload.Phases[3].Rate!.Value.PerSecond, 9);
        Assert.Equal(new Rate(5), Assert.Single(workload.Phases[3].Stages).Rate);
        Assert.Equal(0.5, workload.Phases[4].Rate!.Value.PerSecond, 9);
        Assert.Same(workload.Phases, workload.Pacing);
        Assert.True(workload.HasOpenModel);
        Assert.Equal(50, workload.MaxUsers);
    }

    [Fact]
    public void A_workload_without_phases_is_one_phase_of_its_own_model()
    {
        var backOffice = ScenarioLoader.Load(Fixtures.Path("phases.yaml")).GetScenarioOrThrow().Workloads[1];

        var pacing = Assert.Single(backOffice.Pacing);
        Assert.Equal((WorkloadModel.ConstantConcurrency, 2, TimeSpan.FromSeconds(1), (TimeSpan?)null), (pacing.Model, pacing.Concurrency, pacing.ThinkTime, pacing.Duration));
        Assert.False(backOffice.HasOpenModel);
    }

    [Theory]
    [InlineData("30/m", 0.5)]
    [InlineData("1/h", 1.0 / 3600)]
    [InlineData("0.2/s", 0.2)]
    public void Rates_below_one_a_second_are_valid(string rate, double perSecond)
    {
        var result = Fixtures.Parse(Header + $"  - {{ name: order-import, region: eu, model: constant-rate, rate: {rate} }}\n");

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal(perSecond, result.Scenario.Workloads[0].Rate!.Value.PerSecond, 12);
    }

    [Fact]
    public void Model_keys_beside_phases_are_errors_where_they_are_written()
    {
        var error = Fixtures.SingleError(Header + """
              - name: order-import
                region: eu
                rate: 10/s
                phases: [{ model: constant-rate, rate: 5/s }]
            """);

        Assert.Equal((6, 5, "workloads[0].rate"), (error.Line, error.Column, error.Field));
        Assert.Equal("`rate` and `phases` do not mix: each phase sets its own model", error.Message);
        Assert.Equal("move rate into the phases, or remove phases", error.Hint);
    }

    [Fact]
    public void Pause_is_only_a_phase_model()
    {
        var error = Fixtures.SingleError(Header + "  - { name: order-import, region: eu, model: pause }\n");

        Assert.Equal((4, 46, "workloads[0].model"), (error.Line, error.Column, error.Field));
        Assert.Equal("`pause` is a model for one of a workload's phases, not for a whole workload", error.Message);
    }

    [Fact]
    public void Phase_durations_must_be_given_positive_and_fit_the_run()
    {
        var result = Fixtures.Parse(Header + """
              - name: order-import
                region: eu
                phases:
                  - { model: constant-rate, rate: 5/s }
                  - { model: pause, duration: 0s }
                  - { model: constant-concurrency, concurrency: 2, duration: 70s }
              - name: order-import
                region: us
                phases:
                  - { model: constant-rate, rate: 5/s, duration: 60s }
                  - { model: constant-rate, rate: 9/s }
            """);

        Assert.Equal(
            [
                ("workloads[0].phases", "the phases last 1m10s, longer than the 1m run"),
                ("workloads[0].phases[0].duration", "every phase but the last needs a duration"),
                ("workloads[0].phases[1].duration", "a phase must last longer than zero"),
                ("workloads[1].phases[1]", "the phases before this one already last 1m, leaving it no time in the 1m run"),
            ],
            result.Errors.Select(e => (e.Field, e.Message)));
        Assert.Equal((7, 9), (result.Errors[1].Line, result.Errors[1].Column));
    }

    [Fact]
    public void Each_phase_is_checked_like_a_workload_and_its_stages_must_fit_the_phase()
    {
        var result = Fixtures.Parse(Header + """
              - name: order-import
                region: eu
                phases:
                  - { model: pause, rate: 5/s, duration: 10s }
                  - { model: ramping-rate, stages: [{ to: 5/s, over: 20s }], duration: 10s }
                  - { model: constant-rate, rate: 5/s, think_time: 1s, duration: 10s }
                  - { model: constant-concurrency }
            """);

        Assert.Equal(
            [
                ("workloads[0].phases[0].rate", "a pause starts nothing, so `rate` has no meaning"),
                ("workloads[0].phases[1].stages", "the stages last 20s, longer than the phase's 10s"),
                ("workloads[0].phases[2].think_time", "`think_time` is for closed models, and this phase is constant-rate"),
                ("workloads[0].phases[3].concurrency", "a constant-concurrency phase needs a concurrency"),
            ],
            result.Errors.Select(e => (e.Field, e.Message)));
    }

    [Fact]
    public void A_key_of_the_workload_inside_a_phase_says_where_it_belongs()
    {
        var error = Fixtures.SingleError(Header + """
              - name: order-import
                region: eu
                phases: [{ model: constant-rate, rate: 5/s, lines: 1..3 }]
            """);

        Assert.Equal(("workloads[0].phases[0].lines", "unknown key `lines`"), (error.Field, error.Message));
        Assert.Equal("`lines` is set on the workload, for all its phases", error.Hint);
    }

    [Fact]
    public void An_empty_phase_list_is_one_error()
    {
        var error = Fixtures.SingleError(Header + "  - { name: order-import, region: eu, phases: [] }\n");

        Assert.Equal(("workloads[0].phases", "`phases` lists no phase"), (error.Field, error.Message));
    }

    [Fact]
    public void Users_settings_need_an_open_phase()
    {
        var error = Fixtures.SingleError(Header + """
              - name: order-import
                region: eu
                max_users: 10
                phases: [{ model: constant-concurrency, concurrency: 2, duration: 10s }, { model: pause }]
            """);

        Assert.Equal(("workloads[0].max_users", "`max_users` is for open models, and no phase of this workload is open"), (error.Field, error.Message));
    }

    [Theory]
    [InlineData("{ name: order-import, region: eu, model: constant-concurrency, vus: 10 }", "workloads[0].vus", "this format calls it `concurrency`")]
    [InlineData("{ name: order-import, region: eu, model: constant-concurrency, concurrency: 1, think: 1s }", "workloads[0].think", "this format calls it `think_time`")]
    [InlineData("{ name: order-import, region: eu, model: constant-rate, rate: 1/s, duration: 10s }", "workloads[0].duration", "a workload runs as long as the scenario; to run a model for part of it, use phases: [{ model: …, duration: 30s }, …]")]
    public void Names_from_other_load_tools_get_one_error_naming_the_key_to_use(string workload, string field, string hint)
    {
        var error = Fixtures.SingleError(Header + $"  - {workload}\n");

        Assert.Equal((field, hint), (error.Field, error.Hint));
    }

    [Fact]
    public void K6_style_stages_name_to_and_over()
    {
        var result = Fixtures.Parse(Header + "  - { name: order-import, region: eu, model: ramping-concurrency, stages: [{ target: 10, duration: 30s }] }\n");

        Assert.Equal(
            [("workloads[0].stages[0].target", "this format calls it `to`"), ("workloads[0].stages[0].duration", "this format calls it `over`")],
            result.Errors.Select(e => (e.Field, e.Hint)));
    }
}
