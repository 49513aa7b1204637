using Simulator.Load.Ledger;
using Simulator.Load.Measurement;

namespace Simulator.Load;

/// <summary>Optional wiring of a load run.</summary>
public sealed record LoadRunOptions
{
    /// <summary>Where acknowledged writes go as they happen (usually a <see cref="LedgerWriter"/>); none when null.</summary>
    public ILedgerSink? Ledger { get; init; }

    /// <summary>
    /// Told how each iteration ended and when (an <see cref="OutcomeRecorder"/>), for figures that need more than
    /// per-second counts, such as a failover's first failed and first successful write; none when null.
    /// </summary>
    public IOutcomeSink? Outcomes { get; init; }

    /// <summary>
    /// Told, as a line for the console, of every workload setup that failed on something passing and is tried again
    /// (<see cref="WorkloadSetup"/>); none when null.
    /// </summary>
    public Action<string>? SetupRetrying { get; init; }

    /// <summary>Told about every closed per-second interval, for live output; none when null.</summary>
    public IProgress<IntervalProgress>? Progress { get; init; }

    /// <summary>
    /// Sliding-window lengths over which each workload's corrected latency percentiles are tracked during the run, for
    /// thresholds such as <c>order-import.p99 &lt; 2s over any 30s window</c>; rounded up to whole seconds. Pass the
    /// windows of the scenario's thresholds (<see cref="Reports.Thresholds.ThresholdSpec.WindowsOf"/>). Count-based
    /// windowed metrics (error rate, achieved rate, counts) need none: they are read from the per-second timeline.
    /// </summary>
    public IReadOnlyList<TimeSpan>? Windows { get; init; }

    /// <summary>A window's length in whole seconds, rounded up (at least 1).</summary>
    /// <param name="window">The window.</param>
    /// <returns>Its length in seconds.</returns>
    public static int WindowSeconds(TimeSpan window) => Math.Max(1, (int)Math.Ceiling(window.TotalSeconds - 1e-9));

    /// <summary>
    /// Called once, as the run's clock starts and before the first arrival, with the clock's origin (a
    /// <see cref="TimeProvider.GetTimestamp"/> of the run's provider): what runs alongside the load on the same clock
    /// (the fault timeline) starts from it, so its offsets and the load's mean the same instants.
    /// </summary>
    public Action<long>? ClockStarted { get; init; }
}
