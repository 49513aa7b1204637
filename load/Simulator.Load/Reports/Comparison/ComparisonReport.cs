namespace Simulator.Load.Reports.Comparison;

/// <summary>
/// The model of <c>comparison.json</c> (<c>sim compare</c>): one scenario run on several topologies in turn, on the
/// same machine, summarised side by side. Each run's own report lies in a sub-folder named after its topology.
/// </summary>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Runtime"><c>native</c> or <c>containers</c>.</param>
/// <param name="Machine">The machine measured on.</param>
/// <param name="StartedAt">When the first run started.</param>
/// <param name="Runs">One entry per topology, in the order run.</param>
public sealed record ComparisonReport(
    string Scenario,
    string Runtime,
    MachineInfo Machine,
    DateTimeOffset StartedAt,
    IReadOnlyList<ComparedRun> Runs)
{
    /// <summary>Whether the scenario passed on every topology.</summary>
    public bool Passed => Runs.Count > 0 && Runs.All(r => r.Passed);

    /// <summary>Every <c>workload@region</c> any run measured, in first-seen order.</summary>
    public IReadOnlyList<string> WorkloadKeys() => [.. Runs.SelectMany(r => r.Workloads).Select(w => w.Key).Distinct()];
}
