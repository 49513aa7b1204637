namespace Simulator.Load.Scheduling;

/// <summary>One stage of a <see cref="RampingConcurrency"/>: move linearly to <paramref name="ToUsers"/> over <paramref name="Over"/>.</summary>
/// <param name="ToUsers">The number of users at the end of the stage.</param>
/// <param name="Over">How long the change takes; zero means a step change.</param>
public sealed record ConcurrencyStage(int ToUsers, TimeSpan Over);
