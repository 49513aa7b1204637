namespace Simulator.Load.Scheduling;

/// <summary>An iteration's place in the schedule: its number and its intended start, as an offset from the run's start.</summary>
/// <param name="Iteration">The 0-based iteration number within its workload.</param>
/// <param name="IntendedStart">When the profile wants the iteration to start, from the run's start.</param>
internal readonly record struct ArrivalSlot(long Iteration, TimeSpan IntendedStart);
