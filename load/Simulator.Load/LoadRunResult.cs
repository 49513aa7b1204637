using Simulator.Load.Measurement;

namespace Simulator.Load;

/// <summary>Everything a load run measured; <c>LoadReportBuilder</c> turns it into the report model.</summary>
/// <param name="StartedAt">When the run's clock started (after the workloads were initialized).</param>
/// <param name="DurationSeconds">How long arrivals were scheduled: the plan's duration, or less when cancelled.</param>
/// <param name="Cancelled">Whether the run was cancelled before its duration ended.</param>
/// <param name="Workloads">Per-workload results, in plan order.</param>
public sealed record LoadRunResult(
    DateTimeOffset StartedAt, double DurationSeconds, bool Cancelled, IReadOnlyList<WorkloadResult> Workloads)
{
    /// <summary>Iterations with an unknown outcome, over all workloads.</summary>
    public long Unknown => Workloads.Sum(w => w.Unknown);

    /// <summary>Acknowledged writes, over all workloads.</summary>
    public long Acknowledged => Workloads.Sum(w => w.Acknowledged);
}
