namespace Simulator.Chaos;

/// <summary>What became of a timeline fault.</summary>
public enum FaultOutcome
{
    /// <summary>Not due yet.</summary>
    Pending = 0,

    /// <summary>Applied; see its start and end.</summary>
    Applied,

    /// <summary>Tried at its start and failed; see the message.</summary>
    Failed,

    /// <summary>The run was cancelled before it was due.</summary>
    Skipped,
}
