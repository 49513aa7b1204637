using Simulator.Load.Measurement;

namespace Simulator.Load;

/// <summary>One closed per-second interval of one workload, reported while the run goes on.</summary>
/// <param name="Workload">The workload's name.</param>
/// <param name="Region">Its region.</param>
/// <param name="Interval">The interval's summary.</param>
public sealed record IntervalProgress(string Workload, string Region, IntervalSnapshot Interval);
