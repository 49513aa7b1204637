namespace Simulator.Scenarios.Tests.Diagnostics;

public class DiagnosticsTests
{
    [Fact]
    public void Errors_render_file_line_column_field_message_and_hint()
    {
        Assert.Equal(
            "a.yaml:3:7: workloads[1].rate: the rate `20` has no unit (write a unit: 20/s)",
            new ScenarioError("a.yaml", 3, 7, "workloads[1].rate", "the rate `20` has no unit", "write a unit: 20/s").ToString());
        Assert.Equal("a.yaml:3:7: bad indentation", new ScenarioError("a.yaml", 3, 7, string.Empty, "bad indentation").ToString());
        Assert.Equal("<scenario>: name: the scenario has no name", new ScenarioError("<scenario>", 0, 0, "name", "the scenario has no name").ToString());
    }

    [Fact]
    public void Source_map_falls_back_to_the_nearest_written_ancestor()
    {
        var map = new SourceMap(new Dictionary<string, SourceLocation>
        {
            [string.Empty] = new(1, 1),
            ["workloads"] = new(3, 1),
            ["workloads[1]"] = new(5, 5),
            ["workloads[1].stages[0]"] = new(8, 9),
        });
        Assert.Equal(new SourceLocation(8, 9), map.Find("workloads[1].stages[0].to"));
        Assert.Equal(new SourceLocation(5, 5), map.Find("workloads[1].stages"));
        Assert.Equal(new SourceLocation(5, 5), map.Find("workloads[1].rate"));
        Assert.Equal(new SourceLocation(3, 1), map.Find("workloads[2]"));
        Assert.Equal(new SourceLocation(1, 1), map.Find("duration"));
        Assert.Null(SourceMap.Empty.Find("duration"));
        Assert.Equal("8:9", new SourceLocation(8, 9).ToString());
    }

    [Fact]
    public void Load_results_hold_a_scenario_or_errors_never_both()
    {
        var scenario = new Scenario { Name = "x", Duration = TimeSpan.FromSeconds(1) };
        var success = ScenarioLoadResult.Success(scenario);
        Assert.True(success.Succeeded);
        Assert.Same(scenario, success.GetScenarioOrThrow());
        Assert.Empty(success.Errors);

        var failure = ScenarioLoadResult.Failure([new ScenarioError("f", 1, 1, "name", "m")]);
        Assert.False(failure.Succeeded);
        Assert.Null(failure.Scenario);
        Assert.Throws<ArgumentException>(() => ScenarioLoadResult.Failure([]));
    }
}
