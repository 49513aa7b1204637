using System.Text.Json;
using Simulator.AppHost.Cli;
using Simulator.Load.Reports;
using Simulator.Load.Reports.Sweep;

namespace Simulator.AppHost.Tests.Integration;

/// <summary>
/// <c>sim sweep</c> as users run it: a real topology, one step after another, each step's own reports kept, one
/// summary across them. Short steps with loose thresholds, so a busy machine still passes. (<c>sim compare</c> is
/// checked by <see cref="TenantComparisonTests"/>, which compares two real topologies anyway.)
/// </summary>
public sealed class SweepTests
{
    private static readonly string Sim = Path.Combine(AppContext.BaseDirectory, "sim.dll");

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
