namespace Simulator.Scenarios.Tests.Validation;

public class ScenarioValidatorTests
{
    private static readonly Workload Orders = new()
    {
        Name = "order-import",
        Region = "eu",
        Model = WorkloadModel.ConstantRate,
        Rate = new Rate(10),
    };

    private static Scenario Valid() => new()
    {
        Name = "built-in-code",
        Duration = TimeSpan.FromMinutes(1),
        Workloads = [Orders],
        Thresholds = [Threshold.Parse("order-import.p99 < 2s"), Threshold.Parse("lost_writes == 0")],
    };

    private static ScenarioError Single(Scenario scenario, ITopologyCatalog? catalog = null) =>
        Assert.Single(ScenarioValidator.Validate(scenario, catalog));

    [Fact]
    public void A_valid_scenario_built_in_code_has_no_errors()
    {
        Assert.Empty(ScenarioValidator.Validate(Valid()));
    }

    [Fact]
    public void Errors_on_a_scenario_built_in_code_carry_no_position()
    {
        var error = Single(Valid() with { Duration = TimeSpan.Zero });
        Assert.Equal(("<scenario>", 0, 0, "duration"), (error.File, error.Line, error.Column, error.Field));
        Assert.Equal("the duration must be longer than zero, not 0s", error.Message);
    }

    [Fact]
    public void A_scenario_needs_a_name_and_a_workload()
    {
        var errors = ScenarioValidator.Validate(Valid() with { Name = " ", Workloads = [], Thresholds = [] });
        Assert.Equal(["name", "workloads"], errors.Select(e => e.Field));
    }

    [Fact]
    public void Name_and_region_must_be_unique_together()
    {
        var sameRegion = Single(Valid() with { Workloads = [Orders, Orders] });
        Assert.Equal("workloads[1].name", sameRegion.Field);
        Assert.Empty(ScenarioValidator.Validate(Valid() with { Workloads = [Orders, Orders with { Region = "us" }] }));
    }

    [Theory]
    [InlineData("order import", "`order import` is not a valid name")]
    [InlineData("", "the workload has no name")]
    public void Workload_names_must_be_usable_in_thresholds(string name, string message)
    {
        var errors = ScenarioValidator.Validate(Valid() with { Workloads = [Orders with { Name = name }], Thresholds = [] });
        Assert.Equal(message, Assert.Single(errors).Message);
    }

    [Fact]
    public void The_rate_must_be_above_zero()
    {
        var error = Single(Valid() with { Workloads = [Orders with { Rate = new Rate(0) }] });
        Assert.Equal(("workloads[0].rate", "the rate must be above zero"), (error.Field, error.Message));
    }

    [Fact]
    public void Each_model_gets_what_it_needs()
    {
        var errors = ScenarioValidator.Validate(Valid() with
        {
            Thresholds = [],
            Workloads =
            [
                Orders with { Rate = null },
                Orders with { Name = "b", Model = WorkloadModel.RampingRate, Rate = null },
                Orders with { Name = "c", Model = WorkloadModel.ConstantConcurrency, Rate = null },
                Orders with { Name = "d", Model = WorkloadModel.RampingConcurrency, Rate = null },
                Orders with { Name = "e", Model = WorkloadModel.Unspecified },
            ],
        });
        Assert.Equal(
            [
                ("workloads[0].rate", "a constant-rate workload needs a rate"),
                ("workloads[1].stages", "a ramping-rate workload needs at least one stage"),
                ("workloads[2].concurrency", "a constant-concurrency workload needs a concurrency"),
                ("workloads[3].stages", "a ramping-concurrency workload needs at least one stage"),
                ("workloads[4].model", "the workload has no model"),
            ],
            errors.Select(e => (e.Field, e.Message)));
    }

    [Fact]
    public void Settings_of_another_model_are_errors()
    {
        var errors = ScenarioValidator.Validate(Valid() with
        {
            Thresholds = [],
            Workloads =
            [
                Orders with { Concurrency = 5, Stages = [new RampStage { Rate = new Rate(5), Over = TimeSpan.FromSeconds(5) }] },
                Orders with { Name = "b", Model = WorkloadModel.ConstantConcurrency, Concurrency = 3, MaxUsers = 10 },
            ],
        });
        Assert.Equal(
            ["workloads[0].concurrency", "workloads[0].stages", "workloads[1].rate", "workloads[1].max_users"],
            errors.Select(e => e.Field));
    }

    [Fact]
    public void A_workload_built_with_phases_has_no_model_of_its_own_and_may_run_its_last_phase_to_the_end()
    {
        var phased = new Workload
        {
            Name = "order-import",
            Region = "eu",
            Phases =
            [
                new WorkloadPhase { Model = WorkloadModel.ConstantConcurrency, Concurrency = 3, ThinkTime = TimeSpan.FromSeconds(1), Duration = TimeSpan.FromSeconds(20) },
                new WorkloadPhase { Model = WorkloadModel.RampingRate, Stages = [new RampStage { Rate = new Rate(5), Over = TimeSpan.FromSeconds(40) }] },
            ],
        };
        Assert.Empty(ScenarioValidator.Validate(Valid() with { Workloads = [phased] }));

        var errors = ScenarioValidator.Validate(Valid() with { Workloads = [phased with { Model = WorkloadModel.ConstantRate }, phased with { Region = "us", Phases = [phased.Phases[0], phased.Phases[1] with { Stages = [new RampStage { Rate = new Rate(5), Over = TimeSpan.FromSeconds(41) }] }] }] });
        Assert.Equal(
            [
                ("workloads[0].model", "a workload with phases has no model of its own: each phase sets its model"),
                ("workloads[1].phases[1].stages", "the stages last 41s, longer than the 40s left in the run"),
            ],
            errors.Select(e => (e.Field, e.Message)));
    }

    [Fact]
    public void Stages_must_match_the_model_last_longer_than_zero_and_fit_the_run()
    {
        var ramp = Orders with
        {
            Model = WorkloadModel.RampingRate,
            Stages =
            [
                new RampStage { Concurrency = 40, Over = TimeSpan.FromSeconds(30) },
                new RampStage { Rate = new Rate(5), Over = TimeSpan.Zero },
                new RampStage { Rate = new Rate(5), Over = TimeSpan.FromMinutes(1) },
            ],
        };
        var errors = ScenarioValidator.Validate(Valid() with { Workloads = [ramp] });
        Assert.Equal(
            [
                ("workloads[0].stages[0].to", "a ramping-rate stage ramps to a rate", "write a unit: 40/s"),
                ("workloads[0].stages[1].over", "a stage must last longer than zero", "e.g. over: 1m"),
                ("workloads[0].stages", "the stages last 1m30s, longer than the 1m run", "shorten the stages or lengthen duration"),
            ],
            errors.Select(e => (e.Field, e.Message, e.Hint)));
    }

    [Fact]
    public void User_counts_and_lines_must_make_sense()
    {
        var errors = ScenarioValidator.Validate(Valid() with
        {
            Workloads = [Orders with { PreAllocatedUsers = 50, MaxUsers = 10, Lines = new IntRange(0, 3) }],
        });
        Assert.Equal(
            [("workloads[0].lines", "an order needs at least one line, not 0..3"), ("workloads[0].pre_allocated_users", "pre_allocated_users (50) is more than max_users (10)")],
            errors.Select(e => (e.Field, e.Message)));
    }

    [Theory]
    [InlineData(59, true)]
    [InlineData(60, false)]
    [InlineData(61, false)]
    public void A_fault_must_start_within_the_run(int seconds, bool valid)
    {
        var scenario = Valid() with { Faults = [new Fault { At = TimeSpan.FromSeconds(seconds), Kind = FaultKind.Kill, Target = "leader" }] };
        var errors = ScenarioValidator.Validate(scenario);
        if (valid)
        {
            Assert.Empty(errors);
        }
        else
        {
            Assert.Equal("faults[0].at", Assert.Single(errors).Field);
        }
    }

    [Theory]
    [InlineData(FaultKind.Pause, "replica")]
    [InlineData(FaultKind.Partition, "apac")]
    [InlineData(FaultKind.Latency, "eu-us")]
    public void Pause_partition_and_latency_need_for(FaultKind kind, string target)
    {
        var values = kind == FaultKind.Latency ? new Dictionary<string, string> { ["delay"] = "100ms" } : new Dictionary<string, string>();
        var fault = new Fault { At = TimeSpan.FromSeconds(5), Kind = kind, Target = target, Values = values };
        var error = Single(Valid() with { Faults = [fault] });
        Assert.Equal(("faults[0].for", $"a {kind.ToName()} fault needs `for`: how long it lasts", "add e.g. for: 30s"), (error.Field, error.Message, error.Hint));
        Assert.Empty(ScenarioValidator.Validate(Valid() with { Faults = [fault with { For = TimeSpan.FromSeconds(10) }] }));
    }

    [Fact]
    public void Fault_rules_cover_for_extras_and_targets()
    {
        var errors = ScenarioValidator.Validate(Valid() with
        {
            Faults =
            [
                new Fault { At = TimeSpan.FromSeconds(1), Kind = FaultKind.Heal, Target = "all", For = TimeSpan.FromSeconds(3) },
                new Fault { At = TimeSpan.FromSeconds(1), Kind = FaultKind.Latency, Target = "eu-us", For = TimeSpan.FromSeconds(3) },
                new Fault { At = TimeSpan.FromSeconds(1), Kind = FaultKind.Kill, Target = "leader", For = TimeSpan.Zero },
                new Fault { At = TimeSpan.FromSeconds(1), Kind = FaultKind.Partition, Target = "eu us", For = TimeSpan.FromSeconds(3) },
                new Fault { At = TimeSpan.FromSeconds(1), Kind = FaultKind.Stop, Target = " " },
                new Fault { At = TimeSpan.FromSeconds(1), Kind = FaultKind.Kill, Target = "leader", Values = new Dictionary<string, string> { ["delay"] = "1s" } },
                new Fault { At = TimeSpan.FromSeconds(1), Kind = FaultKind.Unspecified, Target = "leader" },
            ],
        });
        Assert.Equal(
            [
                ("faults[0].for", "`for` has no meaning for a heal fault"),
                ("faults[1].delay", "a latency fault needs `delay`"),
                ("faults[2].for", "`for` must be longer than zero"),
                ("faults[3].partition", "`eu us` is not a region, a pair of regions or a link"),
                ("faults[4].stop", "the stop fault has no target"),
                ("faults[5].delay", "`delay` has no meaning for a kill fault"),
                ("faults[6]", "the fault has no kind"),
            ],
            errors.Select(e => (e.Field, e.Message)));
    }

    [Fact]
    public void Thresholds_must_name_existing_workloads_and_regions_and_fit_the_run()
    {
        var errors = ScenarioValidator.Validate(Valid() with
        {
            Thresholds =
            [
                Threshold.Parse("order-imports.p99 < 1s"),
                Threshold.Parse("order-import@us.p99 < 1s"),
                Threshold.Parse("order-import@eu.p99 < 1s"),
                Threshold.Parse("order-import.error_rate < 1% over any 2m window"),
                Threshold.Parse("failover.rto < 15s"),
            ],
        });
        Assert.Equal(
            [
                ("thresholds[0]", "`order-imports.p99` refers to no workload: there is no workload named `order-imports`", "did you mean `order-import`?"),
                ("thresholds[1]", "`order-import@us.p99` refers to no workload: `order-import` does not run in region `us`", "it runs in eu"),
                ("thresholds[3]", "the window of 2m is longer than the 1m run", "use a shorter window"),
            ],
            errors.Select(e => (e.Field, e.Message, e.Hint)));
    }

    [Fact]
    public void Network_links_join_two_different_regions()
    {
        var network = new NetworkSettings { Latency = new Dictionary<RegionPair, TimeSpan> { [new RegionPair("eu", "eu")] = TimeSpan.FromMilliseconds(5) } };
        var error = Single(Valid() with { Network = network });
        Assert.Equal(("network.latency.eu-eu", "a link joins two different regions, not `eu` to itself"), (error.Field, error.Message));
    }

    [Fact]
    public void Shortening_a_scenario_past_its_faults_is_caught_on_revalidation()
    {
        var scenario = Valid() with { Faults = [new Fault { At = TimeSpan.FromSeconds(40), Kind = FaultKind.Kill, Target = "leader" }] };
        Assert.Empty(ScenarioValidator.Validate(scenario));
        var shortened = scenario.WithDuration(TimeSpan.FromSeconds(20));
        Assert.Equal("the fault at 40s is not within the 20s run", Single(shortened).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => scenario.WithDuration(TimeSpan.Zero));
    }
}
