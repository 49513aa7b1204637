using Simulator.Load.Scheduling;

namespace Simulator.Load.Measurement;

/// <summary>
/// What one workload measured over a run. Iteration latencies cover iterations that completed OK:
/// <see cref="Latency"/> from the intended start (corrected for coordinated omission), <see cref="LatencyUncorrected"/>
/// from the first request actually sent; both <see langword="null"/> when no iteration completed OK.
/// </summary>
/// <param name="Name">The workload's name.</param>
/// <param name="Region">The region it ran against.</param>
/// <param name="WindowSeconds">How long it was scheduled for: the plan's duration, or less when the run was cancelled.</param>
/// <param name="TargetRate">Arrivals per second the open-model parts of the profile asked for, averaged over the window; <see langword="null"/> for a workload with no open-model part (closed models have no target rate).</param>
/// <param name="AchievedRate">The target rate times the share of open-model arrivals that started on time (were not dropped), plus closed-model iterations started per second, whatever their outcome; <see langword="null"/> when nothing fell in the window. Scaling the share, rather than dividing starts by the window, keeps an open-model run with no drop at exactly its target.</param>
/// <param name="Started">Iterations started.</param>
/// <param name="Ok">Iterations that completed OK.</param>
/// <param name="Failed">Iterations that failed.</param>
/// <param name="Unknown">Iterations whose outcome is unknown (including those abandoned at the end of the grace period).</param>
/// <param name="Dropped">Iterations the scheduler dropped, for either reason.</param>
/// <param name="DroppedNoFreeVirtualUser">Dropped because every virtual user was busy.</param>
/// <param name="DroppedLateStart">Dropped because the scheduler reached them too late.</param>
/// <param name="Acknowledged">Writes the server acknowledged (ledger entries).</param>
/// <param name="Latency">Corrected iteration latency, in milliseconds.</param>
/// <param name="LatencyUncorrected">Uncorrected iteration latency, in milliseconds.</param>
/// <param name="ErrorKinds">Failed and unknown iterations by error kind.</param>
/// <param name="Operations">Per-operation results, by name.</param>
/// <param name="Intervals">Per-second snapshots, in order.</param>
public sealed record WorkloadResult(
    string Name,
    string Region,
    double WindowSeconds,
    double? TargetRate,
    double? AchievedRate,
    long Started,
    long Ok,
    long Failed,
    long Unknown,
    long Dropped,
    long DroppedNoFreeVirtualUser,
    long DroppedLateStart,
    long Acknowledged,
    LatencySummary? Latency,
    LatencySummary? LatencyUncorrected,
    IReadOnlyDictionary<string, long> ErrorKinds,
    IReadOnlyList<OperationResult> Operations,
    IReadOnlyList<IntervalSnapshot> Intervals)
{
    /// <summary>The drops for <paramref name="reason"/>.</summary>
    /// <param name="reason">The reason.</param>
    /// <returns>The count.</returns>
    public long DroppedFor(DropReason reason)
        => reason == DropReason.LateStart ? DroppedLateStart : DroppedNoFreeVirtualUser;

    /// <summary>The tenant (Odoo database) it worked in; <see langword="null"/> when the topology has one database.</summary>
    public string? Tenant { get; init; }

    /// <summary>The workload's model, described (for example <c>constant-rate 20/s</c>).</summary>
    public string? Model { get; init; }

    /// <summary>Open-model arrivals that fell due in the window, started or dropped.</summary>
    public long Arrivals { get; init; }

    /// <summary>
    /// How late the scheduler reached open-model arrivals (actual − intended start), in milliseconds, over every arrival
    /// reached (started or dropped); <see langword="null"/> for a workload with no open-model arrival.
    /// </summary>
    public LatencySummary? StartLateness { get; init; }

    /// <summary>Request bytes the workload sent (HTTP bodies, as counted by the clients through <see cref="ITransferMeter"/>).</summary>
    public long BytesSent { get; init; }

    /// <summary>Response bytes the workload received (HTTP bodies).</summary>
    public long BytesReceived { get; init; }

    /// <summary>Corrected latency over sliding windows, one entry per window length tracked (<see cref="LoadRunOptions.Windows"/>).</summary>
    public IReadOnlyList<WindowedLatency> WindowedLatency { get; init; } = [];
}
