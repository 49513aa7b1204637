namespace Simulator.Chaos;

/// <summary>
/// What the timeline did with one fault, on the run's clock: the report's <c>faults[]</c> entry
/// (<c>kind, target, startedAtSeconds, endedAtSeconds</c>) plus how it went.
/// </summary>
public sealed record FaultRecord
{
    /// <summary>The fault as specified.</summary>
    public required FaultSpec Fault { get; init; }

    /// <summary>Its position in the list the timeline was given.</summary>
    public int Index { get; init; }

    /// <summary>The kind's name, e.g. <c>partition</c>.</summary>
    public string Kind => Fault.Kind.ToName();

    /// <summary>The target as specified.</summary>
    public string Target => Fault.Target;

    /// <summary>Applied, failed, skipped, or not due yet.</summary>
    public FaultOutcome Outcome { get; init; }

    /// <summary>When the timeline set about applying it, in seconds from the run's start (millisecond precision); null if it never did.</summary>
    public double? StartedAtSeconds { get; init; }

    /// <summary>
    /// When it ended, in seconds from the run's start: when the timeline set about undoing it (after <c>for</c>, or on
    /// cancellation), when a heal removed it, or when an instantaneous action completed. Null while it is in effect,
    /// and for a fault never undone (a kill without <c>for</c>, or one whose undo failed).
    /// </summary>
    public double? EndedAtSeconds { get; init; }

    /// <summary>Why it ended; null while it has not.</summary>
    public FaultEndReason? EndReason { get; init; }

    /// <summary>What was done (e.g. the processes signalled, the links cut) or, when something failed, why.</summary>
    public string? Message { get; init; }
}
