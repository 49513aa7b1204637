using Simulator.Load.Measurement;

namespace Simulator.Load.Reports;

/// <summary>
/// One workload in <c>report.json</c>. Latencies are in milliseconds over iterations that completed OK:
/// <see cref="LatencyMs"/> from the intended start (corrected for coordinated omission), <see cref="LatencyUncorrectedMs"/>
/// from the actual send; <see langword="null"/> when not measured (no iteration completed OK).
/// </summary>
/// <param name="Name">The workload's name.</param>
/// <param name="Region">Its region.</param>
/// <param name="TargetRate">Arrivals per second the plan asked for (averaged over the run for ramps).</param>
/// <param name="AchievedRate">Arrivals per second that started on time (the target times the share not dropped), whatever their outcome; <see langword="null"/> when no arrival fell in the run.</param>
/// <param name="Ok">Iterations completed OK.</param>
/// <param name="Failed">Iterations failed.</param>
/// <param name="Dropped">Iterations dropped by the scheduler (not started).</param>
/// <param name="Unknown">Iterations whose outcome is unknown.</param>
/// <param name="LatencyMs">Corrected latency percentiles.</param>
/// <param name="LatencyUncorrectedMs">Uncorrected latency percentiles.</param>
public sealed record WorkloadReport(
    string Name,
    string Region,
    double TargetRate,
    double? AchievedRate,
    long Ok,
    long Failed,
    long Dropped,
    long Unknown,
    LatencySummary? LatencyMs,
    LatencySummary? LatencyUncorrectedMs)
{
    /// <summary>Iterations started.</summary>
    public long Started { get; init; }

    /// <summary>Writes the server acknowledged (entries in <c>ledger.jsonl</c>).</summary>
    public long Acknowledged { get; init; }

    /// <summary>Drops by reason.</summary>
    public DropCounts DroppedBy { get; init; } = new(0, 0);

    /// <summary>Failed and unknown iterations by error kind.</summary>
    public IReadOnlyDictionary<string, long> ErrorKinds { get; init; } = new Dictionary<string, long>();

    /// <summary>Per-operation results.</summary>
    public IReadOnlyList<OperationReport> Operations { get; init; } = [];

    /// <summary>Per-second snapshots for timelines.</summary>
    public IReadOnlyList<IntervalSnapshot> Intervals { get; init; } = [];
}
