namespace Simulator.Chaos;

/// <summary>One fault on a run's timeline.</summary>
/// <param name="At">When it starts, from the run's start.</param>
/// <param name="Kind">What it does.</param>
/// <param name="Target">
/// What it acts on. Process faults: a resource (or anything the PID resolver and start callback understand, such as
/// a role like <c>leader</c>). Network faults: a region, a pair (<c>eu-us</c>), a link (<c>eu-&gt;us</c> or
/// <c>eu-&gt;us:postgres</c>), or <c>all</c> for heal; see <see cref="LinkTarget.Parse"/>.
/// </param>
public sealed record FaultSpec(TimeSpan At, FaultType Kind, string Target)
{
    /// <summary>How long it lasts before the timeline undoes it (resume, heal, start again); null for not by itself.</summary>
    public TimeSpan? For { get; init; }

    /// <summary>Latency: the round-trip time added (required for latency).</summary>
    public TimeSpan? Delay { get; init; }

    /// <summary>Latency: the variation of the round trip (±).</summary>
    public TimeSpan? Jitter { get; init; }

    /// <summary>Timeout: when held connections are closed; null to hold them until the fault ends.</summary>
    public TimeSpan? After { get; init; }

    /// <summary>Partition: both ways (default) or one way, from the target's first side to its second.</summary>
    public PartitionDirection Direction { get; init; }
}
