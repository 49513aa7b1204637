namespace Simulator.Load.Reports;

/// <summary>
/// The model of <c>report.json</c>, the source of truth every other report is rendered from. Serialized camelCase
/// by <see cref="ReportJson"/>; nulls are written, and mean "not measured".
/// </summary>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Topology">The topology's name.</param>
/// <param name="Runtime"><c>native</c> or <c>containers</c>.</param>
/// <param name="Machine">The machine measured on.</param>
/// <param name="StartedAt">When the run's clock started.</param>
/// <param name="DurationSeconds">How long load was scheduled.</param>
/// <param name="Passed">Whether every threshold passed.</param>
/// <param name="Workloads">Per-workload results.</param>
/// <param name="Faults">Faults injected, in order.</param>
/// <param name="Ledger">Acknowledged, lost and unknown writes.</param>
/// <param name="Failover">Failover figures, or <see langword="null"/> when the run measured none.</param>
/// <param name="Thresholds">Threshold verdicts.</param>
public sealed record LoadReport(
    string Scenario,
    string Topology,
    string Runtime,
    MachineInfo Machine,
    DateTimeOffset StartedAt,
    double DurationSeconds,
    bool Passed,
    IReadOnlyList<WorkloadReport> Workloads,
    IReadOnlyList<FaultReport> Faults,
    LedgerReport Ledger,
    FailoverReport? Failover,
    IReadOnlyList<ThresholdReport> Thresholds)
{
    /// <summary>Whether the run was cancelled before its duration ended (its figures then cover a shorter window).</summary>
    public bool Cancelled { get; init; }

    /// <summary>Per region, the transaction retries its Odoo servers logged during the load; null when not counted.</summary>
    public IReadOnlyList<ServerReport>? Servers { get; init; }
}
