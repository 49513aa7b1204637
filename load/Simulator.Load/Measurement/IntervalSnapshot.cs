namespace Simulator.Load.Measurement;

/// <summary>
/// What one workload did in one second of the run, for timelines. Latency percentiles are corrected for coordinated
/// omission and cover the iterations that completed OK in that second; <see langword="null"/> when none did.
/// </summary>
/// <param name="Second">The interval's start, in whole seconds from the run's start.</param>
/// <param name="Count">Iterations that ended in the interval (ok + failed + unknown).</param>
/// <param name="Ok">Iterations that completed OK.</param>
/// <param name="Failed">Iterations that failed.</param>
/// <param name="Dropped">Iterations dropped by the scheduler.</param>
/// <param name="Unknown">Iterations whose outcome is unknown.</param>
/// <param name="P50Ms">Median corrected latency, in milliseconds.</param>
/// <param name="P99Ms">99th percentile corrected latency, in milliseconds.</param>
public sealed record IntervalSnapshot(
    int Second, long Count, long Ok, long Failed, long Dropped, long Unknown, double? P50Ms, double? P99Ms)
{
    /// <summary>Iterations started in the interval (open-model arrivals that were not dropped, and closed-model iterations).</summary>
    public long Started { get; init; }

    /// <summary>Open-model arrivals that fell due in the interval, started or dropped (zero in closed and paused phases).</summary>
    public long Arrivals { get; init; }
}
