namespace Simulator.Chaos;

/// <summary>Why an applied fault ended.</summary>
public enum FaultEndReason
{
    /// <summary>Its <c>for</c> ran out and the timeline undid it.</summary>
    Elapsed = 1,

    /// <summary>A <c>heal</c> fault removed it.</summary>
    Healed,

    /// <summary>The run was cancelled (or ended) while it was in effect, and the timeline undid it.</summary>
    Cancelled,

    /// <summary>An instantaneous action (start, heal): it ended when it completed.</summary>
    Completed,
}
