namespace Simulator.Load.Scheduling;

/// <summary>One phase of a <see cref="PhasedLoad"/>: a model run for a duration.</summary>
/// <param name="Model">The phase's model: open, closed or <see cref="Pause"/> (not another <see cref="PhasedLoad"/>).</param>
/// <param name="Duration">How long the phase lasts; positive.</param>
public sealed record LoadPhase(LoadModel Model, TimeSpan Duration);
