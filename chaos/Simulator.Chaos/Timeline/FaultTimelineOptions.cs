namespace Simulator.Chaos;

/// <summary>What a <see cref="FaultTimeline"/> acts through, and on which clock.</summary>
public sealed record FaultTimelineOptions
{
    /// <summary>Network faults; null when the topology has no proxied links (network faults then fail).</summary>
    public ILinkFaults? LinkFaults { get; init; }

    /// <summary>Process faults; null when none can be applied (process faults then fail).</summary>
    public IProcessFaults? ProcessFaults { get; init; }

    /// <summary>Actions on the database cluster's manager (switchover); null when it has none (they then fail).</summary>
    public IClusterFaults? ClusterFaults { get; init; }

    /// <summary>The topology's regions, to read network targets whose names hold hyphens (see <see cref="LinkTarget.Parse"/>).</summary>
    public IReadOnlyCollection<string> Regions { get; init; } = [];

    /// <summary>The run's clock (default the system's).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// How long one action (applying or undoing a fault) may take before it is abandoned as failed (default 2 min,
    /// above a stop's SIGTERM timeout). Actions are not cut short by the run's cancellation, so that what a fault
    /// did is known and can be undone.
    /// </summary>
    public TimeSpan ActionTimeout { get; init; } = TimeSpan.FromMinutes(2);
}
