namespace Simulator.Chaos;

/// <summary>A change to one timeline fault, for live progress.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Record">The fault's record just after the change.</param>
/// <param name="AtSeconds">When, in seconds from the run's start.</param>
public sealed record FaultEvent(FaultEventKind Kind, FaultRecord Record, double AtSeconds);
