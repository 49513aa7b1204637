using Simulator.Scenarios;

namespace Simulator.AppHost.Sweep;

/// <summary>
/// How <c>sim sweep</c> turns a scenario into one at a given total rate: every constant-rate workload's rate is
/// scaled by the same factor, so the workloads keep the scenario's proportions; closed-model workloads are kept as
/// written (they have no rate). Ramps and phases have no single rate to scale and are refused.
/// </summary>
public static class SweepScaling
{
    /// <summary>Why <paramref name="scenario"/> cannot be swept; empty when it can.</summary>
    public static IReadOnlyList<string> Problems(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var problems = new List<string>();
        foreach (var workload in scenario.Workloads.Where(w => w.HasOpenModel))
        {
            if (workload.Phases.Count > 0 || workload.Model != WorkloadModel.ConstantRate)
            {
                problems.Add($"workload '{workload.Name}': sweep scales constant-rate workloads only (this one is {(workload.Phases.Count > 0 ? "phased" : workload.Model.ToName())})");
            }
        }

        if (problems.Count == 0 && BaseRate(scenario) <= 0)
        {
            problems.Add("the scenario has no constant-rate workload whose rate a sweep could raise");
        }

        return problems;
    }

    /// <summary>The scenario's total constant rate, per second: the sum the sweep's rates replace.</summary>
    public static double BaseRate(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario.Workloads.Where(IsScaled).Sum(w => w.Rate!.Value.PerSecond);
    }

    /// <summary>The scenario with its constant-rate workloads scaled to <paramref name="totalRate"/> per second in all.</summary>
    public static Scenario AtTotalRate(Scenario scenario, double totalRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(totalRate);
        var factor = totalRate / BaseRate(scenario);
        return scenario with
        {
            Workloads = [.. scenario.Workloads.Select(w => IsScaled(w) ? w with { Rate = new Rate(w.Rate!.Value.PerSecond * factor) } : w)],
        };
    }

    private static bool IsScaled(Workload workload) =>
        workload.Phases.Count == 0 && workload.Model == WorkloadModel.ConstantRate && workload.Rate is not null;
}
