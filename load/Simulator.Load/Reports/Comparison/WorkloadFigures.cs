using Simulator.Load.Measurement;

namespace Simulator.Load.Reports.Comparison;

/// <summary>One workload's headline figures in one run, as a comparison or sweep shows them side by side.</summary>
/// <param name="Workload">The workload's name.</param>
/// <param name="Region">Its region.</param>
/// <param name="TargetRate">Target arrivals per second; <see langword="null"/> for closed models.</param>
/// <param name="AchievedRate">Iterations per second that started on time.</param>
/// <param name="Ok">Iterations completed OK.</param>
/// <param name="Failed">Iterations failed.</param>
/// <param name="Unknown">Iterations with an unknown outcome.</param>
/// <param name="Dropped">Iterations the scheduler could not start on time.</param>
/// <param name="ErrorRate">(failed + unknown) / (ok + failed + unknown); <see langword="null"/> when nothing ran.</param>
/// <param name="LatencyMs">Corrected latency percentiles; <see langword="null"/> when nothing completed OK.</param>
public sealed record WorkloadFigures(
    string Workload,
    string Region,
    double? TargetRate,
    double? AchievedRate,
    long Ok,
    long Failed,
    long Unknown,
    long Dropped,
    double? ErrorRate,
    LatencySummary? LatencyMs)
{
    /// <summary>The figures of <paramref name="workload"/>.</summary>
    public static WorkloadFigures Of(WorkloadReport workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return new WorkloadFigures(
            workload.Name,
            workload.Region,
            workload.TargetRate,
            workload.AchievedRate,
            workload.Ok,
            workload.Failed,
            workload.Unknown,
            workload.Dropped,
            ReportFormat.ErrorRate(workload.Ok, workload.Failed, workload.Unknown),
            workload.LatencyMs)
        {
            Tenant = workload.Tenant,
        };
    }

    /// <summary>The tenant the workload worked in; <see langword="null"/> when the topology has one database.</summary>
    public string? Tenant { get; init; }

    /// <summary>The row key, <c>workload@region</c>, or <c>workload@region/tenant</c> when it worked in a tenant.</summary>
    public string Key => Tenant is null ? $"{Workload}@{Region}" : $"{Workload}@{Region}/{Tenant}";
}
