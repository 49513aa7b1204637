namespace Simulator.Load.Scheduling;

/// <summary>A span of time during which a closed model's virtual user is active.</summary>
/// <param name="From">When the user becomes active, from the model's start.</param>
/// <param name="Until">When it stops starting iterations, from the model's start; <see langword="null"/> for never.</param>
public readonly record struct UserSpan(TimeSpan From, TimeSpan? Until);
