namespace Simulator.Load.Scheduling;

/// <summary>One stage of a <see cref="RampingRate"/>: move linearly to <paramref name="ToPerSecond"/> over <paramref name="Over"/>.</summary>
/// <param name="ToPerSecond">The rate reached at the end of the stage, per second.</param>
/// <param name="Over">How long the linear change takes; zero means a step change.</param>
public sealed record RateStage(double ToPerSecond, TimeSpan Over);
