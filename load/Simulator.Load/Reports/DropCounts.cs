namespace Simulator.Load.Reports;

/// <summary>Dropped iterations by reason.</summary>
/// <param name="NoFreeVirtualUser">All virtual users were busy at the intended start.</param>
/// <param name="LateStart">The scheduler reached the iteration too late.</param>
public sealed record DropCounts(long NoFreeVirtualUser, long LateStart);
