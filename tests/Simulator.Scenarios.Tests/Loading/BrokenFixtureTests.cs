namespace Simulator.Scenarios.Tests.Loading;

public class BrokenFixtureTests
{
    private static readonly string BrokenPath = Fixtures.Path("broken.yaml");

    private static IReadOnlyList<ScenarioError> Errors()
    {
        var result = ScenarioLoader.Load(BrokenPath);
        Assert.False(result.Succeeded);
        Assert.Null(result.Scenario);
        return result.Errors;
    }

    [Fact]
    public void Reports_all_five_mistakes_at_once_in_file_order()
    {
        var errors = Errors();
        Assert.Equal(5, errors.Count);
        Assert.Equal(
            [
                (8, 67, "workloads[0].rate"),
                (13, 5, "workloads[1].thinktime"),
                (14, 13, "workloads[2].name"),
                (16, 11, "faults[0].at"),
                (19, 5, "thresholds[1]"),
            ],
            errors.Select(e => (e.Line, e.Column, e.Field)));
        Assert.All(errors, e => Assert.Equal(BrokenPath, e.File));
    }

    [Fact]
    public void A_rate_without_unit_says_which_unit_to_write()
    {
        var error = Errors()[0];
        Assert.Equal("the rate `20` has no unit", error.Message);
        Assert.Equal("write a unit: 20/s", error.Hint);
    }

    [Fact]
    public void An_unknown_key_suggests_the_nearest_known_one()
    {
        var error = Errors()[1];
        Assert.Equal("unknown key `thinktime`", error.Message);
        Assert.Equal("did you mean `think_time`?", error.Hint);
    }

    [Fact]
    public void A_repeated_workload_points_at_the_first_definition()
    {
        var error = Errors()[2];
        Assert.Equal("workload `order-import` in region `eu` is already defined at workloads[0] (line 8)", error.Message);
    }

    [Fact]
    public void A_fault_after_the_end_names_the_run_length()
    {
        var error = Errors()[3];
        Assert.Equal("the fault at 1m30s is not within the 1m run", error.Message);
        Assert.Equal("use a time before 1m, or lengthen duration", error.Hint);
    }

    [Fact]
    public void A_threshold_on_a_missing_workload_suggests_the_existing_one()
    {
        var error = Errors()[4];
        Assert.Equal("`order-imprt.error_rate` refers to no workload: there is no workload named `order-imprt`", error.Message);
        Assert.Equal("did you mean `order-import`?", error.Hint);
    }

    [Fact]
    public void Errors_render_like_a_compiler()
    {
        Assert.Equal(
            $"{BrokenPath}:8:67: workloads[0].rate: the rate `20` has no unit (write a unit: 20/s)",
            Errors()[0].ToString());
    }

    [Fact]
    public void GetScenarioOrThrow_lists_every_error()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => ScenarioLoader.Load(BrokenPath).GetScenarioOrThrow());
        Assert.Equal(6, exception.Message.Split(Environment.NewLine).Length);
    }
}
