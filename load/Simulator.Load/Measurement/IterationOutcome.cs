namespace Simulator.Load.Measurement;

/// <summary>How one iteration ended, on the run's clock.</summary>
/// <param name="Workload">The workload's name.</param>
/// <param name="Region">The region it ran against.</param>
/// <param name="SentAtSeconds">When its first request was sent, in seconds from the run's start.</param>
/// <param name="EndedAtSeconds">When it ended, in seconds from the run's start.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="ErrorKind">Why it failed, or null when it did not.</param>
public sealed record IterationOutcome(
    string Workload, string Region, double SentAtSeconds, double EndedAtSeconds, Outcome Outcome, string? ErrorKind);
