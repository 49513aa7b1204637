namespace Simulator.Chaos;

/// <summary>What happened to a timeline fault.</summary>
public enum FaultEventKind
{
    /// <summary>It was applied.</summary>
    Started = 0,

    /// <summary>Applying it failed.</summary>
    Failed,

    /// <summary>It ended (see <see cref="FaultRecord.EndReason"/>).</summary>
    Ended,

    /// <summary>Undoing it failed: it may still be in effect.</summary>
    EndFailed,

    /// <summary>The run was cancelled before it was due.</summary>
    Skipped,
}
