using Simulator.Load.Failover;

namespace Simulator.Load.Reports;

/// <summary>Failover figures, from events on the run's clock; a field is <see langword="null"/> when it was not measured.</summary>
/// <param name="RtoSeconds">From the fault to the first successful write after it: the slowest region's (<see cref="Regions"/>).</param>
/// <param name="ErrorWindowSeconds">From the first failed write to the first successful one after it: the longest region's.</param>
/// <param name="OldLeader">The leader before the fault.</param>
/// <param name="NewLeader">The leader after it.</param>
/// <param name="LostWrites">Acknowledged writes lost (RPO, in writes).</param>
/// <param name="SplitBrain">Whether two leaders accepted writes at once (<see cref="SplitBrainDetector"/>); null when no write had an origin.</param>
public sealed record FailoverReport(
    double? RtoSeconds, double? ErrorWindowSeconds, string? OldLeader, string? NewLeader, long? LostWrites, bool? SplitBrain)
{
    /// <summary>When the fault was injected, in seconds from the run's start.</summary>
    public double? FaultAtSeconds { get; init; }

    /// <summary>When the DCS stopped naming the old leader.</summary>
    public double? LeaderLostAtSeconds { get; init; }

    /// <summary>When the DCS named the new leader.</summary>
    public double? NewLeaderElectedAtSeconds { get; init; }

    /// <summary>When the new leader's database ran as a primary.</summary>
    public double? NewLeaderPromotedAtSeconds { get; init; }

    /// <summary>When the old leader ran again as a replica; null when it did not within the run.</summary>
    public double? OldLeaderRejoinedAtSeconds { get; init; }

    /// <summary>From the fault's healing (the old leader started again) to its rejoining as a replica (incl. <c>pg_rewind</c>).</summary>
    public double? OldLeaderRejoinSeconds { get; init; }

    /// <summary>Writes the clients never heard back about that the new primary holds (Jepsen's "recovered").</summary>
    public long? RecoveredWrites { get; init; }

    /// <summary>What each region's writers saw.</summary>
    public IReadOnlyList<RegionFailover>? Regions { get; init; }

    /// <summary>Every failover event observed, in order.</summary>
    public IReadOnlyList<FailoverEvent>? Events { get; init; }

    /// <summary>The acknowledged writes per origin (server and timeline) that <see cref="SplitBrain"/> is judged on.</summary>
    public IReadOnlyList<WriteOrigin>? WriteOrigins { get; init; }

    /// <summary>Acknowledged writes one origin committed while another demonstrably accepted writes; null when not judged.</summary>
    public long? SplitBrainWrites { get; init; }

    /// <summary>When the split brain began: the earliest such write's send, in seconds from the run's start.</summary>
    public double? SplitBrainFromSeconds { get; init; }

    /// <summary>When it ended as far as the clients saw: the latest such write's acknowledgement.</summary>
    public double? SplitBrainToSeconds { get; init; }

    /// <summary>Every replica's lag, per second.</summary>
    public IReadOnlyList<ReplicationLagSeries>? ReplicationLag { get; init; }
}
