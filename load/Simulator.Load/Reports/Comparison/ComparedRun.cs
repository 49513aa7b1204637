namespace Simulator.Load.Reports.Comparison;

/// <summary>One topology's run of the compared scenario, summarised from its <c>report.json</c>.</summary>
/// <param name="Topology">The topology's name.</param>
/// <param name="Passed">Whether every threshold passed on it.</param>
/// <param name="Nodes">Processes the topology ran (its cost in nodes); <see langword="null"/> when not known.</param>
/// <param name="ReportPath">Its full report, relative to the comparison's folder.</param>
/// <param name="Workloads">Per workload and region.</param>
/// <param name="Failover">Failover figures, or <see langword="null"/> when the run measured none.</param>
/// <param name="Ledger">Acknowledged, lost and unknown writes.</param>
/// <param name="FailedThresholds">The thresholds that failed on it.</param>
public sealed record ComparedRun(
    string Topology,
    bool Passed,
    int? Nodes,
    string ReportPath,
    IReadOnlyList<WorkloadFigures> Workloads,
    FailoverReport? Failover,
    LedgerReport Ledger,
    IReadOnlyList<ThresholdReport> FailedThresholds)
{
    /// <summary>Per region, the transaction retries its Odoo servers logged; null when not counted.</summary>
    public IReadOnlyList<ServerReport>? Servers { get; init; }

    /// <summary>The summary of <paramref name="report"/>, whose full report lies at <paramref name="reportPath"/>.</summary>
    public static ComparedRun Of(LoadReport report, string reportPath, int? nodes)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new ComparedRun(
            report.Topology,
            report.Passed,
            nodes,
            reportPath,
            [.. report.Workloads.Select(WorkloadFigures.Of)],
            report.Failover,
            report.Ledger,
            [.. report.Thresholds.Where(t => !t.Passed)])
        {
            Servers = report.Servers,
        };
    }
}
