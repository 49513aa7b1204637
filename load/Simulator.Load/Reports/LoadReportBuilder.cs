using Simulator.Load.Ledger;
using Simulator.Load.Measurement;
using Simulator.Load.Reports.Thresholds;

namespace Simulator.Load.Reports;

/// <summary>Turns what a run measured into the report model, with its thresholds evaluated.</summary>
public static class LoadReportBuilder
{
    /// <summary>
    /// Builds the report. <see cref="LoadReport.Passed"/> is true when every threshold passed (and so when there are none),
    /// the achieved-rate rule's included.
    /// </summary>
    /// <param name="header">Scenario, topology and runtime.</param>
    /// <param name="run">What the load run measured.</param>
    /// <param name="thresholds">The scenario's thresholds.</param>
    /// <param name="ledgerCheck">The ledger checked against the surviving primary; when null, lost writes are reported as not measured.</param>
    /// <param name="faults">Faults injected during the run; none when null.</param>
    /// <param name="failover">Failover figures; null when the run measured none.</param>
    /// <param name="machine">The machine; this one when null.</param>
    /// <param name="achievedRateRule">
    /// The achieved-rate rule: when <paramref name="thresholds"/> hold no <c>achieved_rate</c> threshold and the run has an
    /// open-model workload, <see cref="AchievedRateRule.Threshold"/> is judged as well. Null means
    /// <see cref="AchievedRateRule.Default"/> (on, 5% margin); <see cref="AchievedRateRule.Off"/> turns it off.
    /// </param>
    /// <returns>The report.</returns>
    public static LoadReport Build(
        ReportHeader header,
        LoadRunResult run,
        IReadOnlyList<ThresholdSpec> thresholds,
        LedgerCheckResult? ledgerCheck = null,
        IReadOnlyList<FaultReport>? faults = null,
        FailoverReport? failover = null,
        MachineInfo? machine = null,
        AchievedRateRule? achievedRateRule = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(thresholds);

        var ledger = ledgerCheck is null
            ? new LedgerReport(run.Acknowledged, null, run.Unknown)
            : new LedgerReport(ledgerCheck.Acknowledged, ledgerCheck.Lost, ledgerCheck.Unknown);

        var report = new LoadReport(
            header.Scenario,
            header.Topology,
            header.Runtime,
            machine ?? MachineInfo.Current(),
            run.StartedAt,
            run.DurationSeconds,
            Passed: false,
            [.. run.Workloads.Select(ToReport)],
            faults ?? [],
            ledger,
            failover,
            [])
        {
            Cancelled = run.Cancelled,
        };

        var rule = achievedRateRule ?? AchievedRateRule.Default;
        var judged = rule.Applies(thresholds, report.Workloads) ? [.. thresholds, rule.Threshold] : thresholds;
        var verdicts = ThresholdEvaluator.Evaluate(judged, report);
        return report with { Thresholds = verdicts, Passed = verdicts.All(v => v.Passed) };
    }

    private static WorkloadReport ToReport(WorkloadResult result) => new(
        result.Name,
        result.Region,
        result.TargetRate,
        result.AchievedRate,
        result.Ok,
        result.Failed,
        result.Dropped,
        result.Unknown,
        result.Latency,
        result.LatencyUncorrected)
    {
        Tenant = result.Tenant,
        Started = result.Started,
        Acknowledged = result.Acknowledged,
        DroppedBy = new DropCounts(result.DroppedNoFreeVirtualUser, result.DroppedLateStart),
        ErrorKinds = result.ErrorKinds,
        Operations = [.. result.Operations.Select(o => new OperationReport(o.Name, o.Ok, o.Failed, o.Unknown, o.Latency, o.LatencyUncorrected) { ErrorKinds = o.ErrorKinds })],
        Intervals = result.Intervals,
        Model = result.Model,
        Arrivals = result.Arrivals,
        StartLatenessMs = result.StartLateness,
        BytesSent = result.BytesSent,
        BytesReceived = result.BytesReceived,
        WindowedLatencyMs = result.WindowedLatency,
    };
}
