using Simulator.Load.Reports.Comparison;

namespace Simulator.Load.Reports.Sweep;

/// <summary>One step of a capacity sweep: the scenario run at one total target rate.</summary>
/// <param name="TargetRate">Total open-model arrivals per second asked of all workloads together.</param>
/// <param name="AchievedRate">Total iterations per second that started on time.</param>
/// <param name="Passed">Whether every threshold passed at this rate.</param>
/// <param name="ReportPath">The step's full report, relative to the sweep's folder.</param>
/// <param name="Workloads">Per workload and region.</param>
/// <param name="FailedThresholds">The thresholds that failed at this rate.</param>
public sealed record SweepStep(
    double TargetRate,
    double? AchievedRate,
    bool Passed,
    string ReportPath,
    IReadOnlyList<WorkloadFigures> Workloads,
    IReadOnlyList<ThresholdReport> FailedThresholds)
{
    /// <summary>The step summarised from its report.</summary>
    public static SweepStep Of(double targetRate, LoadReport report, string reportPath)
    {
        ArgumentNullException.ThrowIfNull(report);
        var achieved = report.Workloads.Select(w => w.AchievedRate).Where(r => r is not null).ToList();
        return new SweepStep(
            targetRate,
            achieved.Count == 0 ? null : achieved.Sum(),
            report.Passed,
            reportPath,
            [.. report.Workloads.Select(WorkloadFigures.Of)],
            [.. report.Thresholds.Where(t => !t.Passed)]);
    }
}
