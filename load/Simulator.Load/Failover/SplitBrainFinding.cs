namespace Simulator.Load.Failover;

/// <summary>What the acknowledged writes say about split brain.</summary>
/// <param name="Detected">
/// Whether some server (origin) demonstrably committed a write while another demonstrably accepted writes before and
/// after it; null when no write had an origin, so nothing can be said.
/// </param>
/// <param name="Writes">How many acknowledged writes were committed that way (0 when none, or when nothing can be said).</param>
/// <param name="FromSeconds">The overlap's start: when the earliest such write was sent; null when there is none.</param>
/// <param name="ToSeconds">The overlap's end: when the latest such write was acknowledged; null when there is none.</param>
public sealed record SplitBrainFinding(bool? Detected, long Writes, double? FromSeconds, double? ToSeconds)
{
    /// <summary>Nothing can be said: no acknowledged write had an origin.</summary>
    public static SplitBrainFinding Unknown { get; } = new(null, 0, null, null);
}
