using System.Text.Json;
using Simulator.AppHost.Cli;
using Simulator.Load.Reports;
using Simulator.Load.Reports.Comparison;
using Simulator.Load.Reports.Sweep;

namespace Simulator.AppHost.Tests.Integration;

/// <summary>
/// <c>sim compare</c> and <c>sim sweep</c> as users run them: real topologies, one after another, each run's own
/// reports kept, one summary across them. Short runs with loose thresholds, so a busy machine still passes.
/// </summary>
public sealed class CompareAndSweepTests
{
    private static readonly string Sim = Path.Combine(AppContext.BaseDirectory, "sim.dll");

    [Fact]
    public void Compare_runs_each_topology_and_writes_one_side_by_side_report()
    {
        var output = Fixtures.TempFolder();

        var result = ProcessRunner.Run(
            "dotnet", [Sim, "compare", Fixtures.Path("sweepable-import.yaml"), "--topologies", "single-region-ha,two-region", "--runtime", "native", "--out", output],
            timeout: TimeSpan.FromMinutes(8));

        Assert.True(result.ExitCode == ExitCodes.Passed, result.Output + result.Error);
        var comparison = ComparisonJson.Deserialize(File.ReadAllText(Path.Combine(output, ComparisonJson.FileName)));
        Assert.Equal(["single-region-ha", "two-region"], comparison.Runs.Select(r => r.Topology));
        Assert.Equal([7, 14], comparison.Runs.Select(r => r.Nodes ?? 0));
        foreach (var run in comparison.Runs)
        {
            var report = ReportJson.Deserialize(File.ReadAllText(Path.Combine(output, run.ReportPath)));
            Assert.Equal(run.Topology, report.Topology);
            var figures = Assert.Single(run.Workloads);
            Assert.Equal(report.Workloads[0].Ok, figures.Ok);
            Assert.True(figures.Ok > 0, $"{run.Topology}: no order imported");
            Assert.Equal(0, run.Ledger.Lost);
        }

        var md = File.ReadAllText(Path.Combine(output, ComparisonMarkdown.FileName));
        Assert.Contains("| nodes | 7 | 14 |", md, StringComparison.Ordinal);
        Assert.Contains("comparison.md", result.Output, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"chart\"", File.ReadAllText(Path.Combine(output, ComparisonHtml.FileName)), StringComparison.Ordinal);
    }

    [Fact]
    public void Sweep_raises_the_rate_step_by_step_and_names_the_knee()
    {
        var output = Fixtures.TempFolder();

        var result = ProcessRunner.Run(
            "dotnet", [Sim, "sweep", Fixtures.Path("sweepable-import.yaml"), "--from", "2/s", "--to", "4/s", "--step", "2/s", "--step-duration", "8s", "--runtime", "native", "--out", output],
            timeout: TimeSpan.FromMinutes(8));

        Assert.True(result.ExitCode == ExitCodes.Passed, result.Output + result.Error);
        var sweep = SweepJson.Deserialize(File.ReadAllText(Path.Combine(output, SweepJson.FileName)));
        Assert.Equal([2.0, 4.0], sweep.Steps.Select(s => s.TargetRate));
        Assert.Equal(4, sweep.KneeRate);
        Assert.Equal("reached the last rate (--to)", sweep.StopReason);
        foreach (var step in sweep.Steps)
        {
            var report = ReportJson.Deserialize(File.ReadAllText(Path.Combine(output, step.ReportPath)));
            // Each step really ran at its rate: the scenario's one workload was scaled to the step's total.
            Assert.Equal(step.TargetRate, report.Workloads.Single().TargetRate!.Value, 3);
            Assert.Equal(report.Workloads.Single().AchievedRate, step.AchievedRate);
        }

        Assert.Contains("**Knee: 4/s**", File.ReadAllText(Path.Combine(output, SweepMarkdown.FileName)), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, SweepJson.FileName)));
        Assert.Equal(4, json.RootElement.GetProperty("kneeRate").GetDouble());
    }
}
