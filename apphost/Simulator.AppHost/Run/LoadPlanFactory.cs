using Simulator.AppHost.Topology;
using Simulator.Load;
using Simulator.Load.Odoo;
using Simulator.Load.Scheduling;
using Simulator.Scenarios;

namespace Simulator.AppHost.Run;

/// <summary>Turns a scenario's workloads into the load engine's plan and workload implementations.</summary>
public static class LoadPlanFactory
{
    /// <summary>
    /// Refuses, before anything starts, the parts of <paramref name="scenario"/> this build cannot run and faults
    /// whose targets <paramref name="topology"/> lacks (<see cref="FaultPlan.Validate"/>).
    /// </summary>
    public static void EnsureRunnable(Scenario scenario, TopologySpec topology)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(topology);
        var problems = new List<string>();
        foreach (var workload in scenario.Workloads)
        {
            if (workload.Kind != OrderImportWorkload.DefaultName)
            {
                problems.Add($"workload '{workload.Name}': kind '{workload.Kind}' cannot run yet (available: {OrderImportWorkload.DefaultName})");
            }

            if (workload.Model is not (WorkloadModel.ConstantRate or WorkloadModel.RampingRate))
            {
                problems.Add($"workload '{workload.Name}': model {workload.Model} cannot run yet (available: constant-rate, ramping-rate)");
            }
        }

        var lines = new List<string>();
        if (problems.Count > 0)
        {
            lines.Add($"{scenario.SourcePath}: this build cannot run:");
            lines.AddRange(problems.Select(p => "  " + p));
        }

        lines.AddRange(FaultPlan.Validate(scenario, topology).Select(e => e.ToString()));
        if (lines.Count > 0)
        {
            throw new UnsupportedScenarioException(string.Join(Environment.NewLine, lines));
        }
    }

    /// <summary>The load plan of <paramref name="scenario"/>: one open-model workload plan per scenario workload.</summary>
    public static LoadPlan Plan(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return new LoadPlan(scenario.Duration, [.. scenario.Workloads.Select(w => new WorkloadPlan(w.Name, w.Region, Model(w)))])
        {
            Seed = scenario.Seed ?? 0,
        };
    }

    /// <summary>An order-import workload driving <paramref name="client"/>, sized by the scenario's <c>lines</c>.</summary>
    public static OrderImportWorkload OrderImport(Workload workload, OdooClient client, OdooCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(workload);
        var options = workload.Lines is { } lines
            ? new OrderImportOptions { MinLines = lines.Min, MaxLines = lines.Max }
            : new OrderImportOptions();
        return new OrderImportWorkload(client, credentials, options);
    }

    private static LoadModel Model(Workload workload) => workload.Model switch
    {
        WorkloadModel.ConstantRate => new ConstantRate(workload.Rate?.PerSecond ?? 0),
        WorkloadModel.RampingRate => new RampingRate(
            workload.Rate?.PerSecond ?? 0,
            [.. workload.Stages.Select(s => new RateStage(s.Rate?.PerSecond ?? 0, s.Over))]),
        _ => throw new UnsupportedScenarioException($"workload '{workload.Name}': model {workload.Model} cannot run yet"),
    };
}
