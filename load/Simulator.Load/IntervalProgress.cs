using Simulator.Load.Measurement;

namespace Simulator.Load;

/// <summary>One closed per-second interval of one workload, reported while the run goes on.</summary>
/// <param name="Workload">The workload's name.</param>
/// <param name="Region">Its region.</param>
/// <param name="Interval">The interval's summary.</param>
public sealed record IntervalProgress(string Workload, string Region, IntervalSnapshot Interval)
{
    /// <summary>The workload's position in the plan (0-based); the ticker reports every workload's second in plan order.</summary>
    public int Index { get; init; }

    /// <summary>How many workloads the plan has: the report with <see cref="Index"/> equal to this minus one completes the second.</summary>
    public int Of { get; init; } = 1;
}
