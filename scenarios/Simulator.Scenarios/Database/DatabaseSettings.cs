namespace Simulator.Scenarios;

/// <summary>
/// The scenario's <c>database:</c> key: how a Patroni topology's cluster is set up for this run, overriding the
/// topology's own choice, so one scenario runs with either replication profile without editing the topology.
/// </summary>
public sealed record DatabaseSettings
{
    /// <summary>The replication modes <see cref="Replication"/> may name.</summary>
    public static IReadOnlyList<string> ReplicationModes { get; } = ["async", "sync", "sync-strict"];

    /// <summary>The failure-detection timings <see cref="Timing"/> may name.</summary>
    public static IReadOnlyList<string> Timings { get; } = ["default", "fast"];

    /// <summary><c>async</c>, <c>sync</c> or <c>sync-strict</c>; null keeps the topology's.</summary>
    public string? Replication { get; init; }

    /// <summary><c>default</c> (ttl 30 s, loop_wait 10 s) or <c>fast</c> (ttl 10 s, loop_wait 2 s); null keeps the topology's.</summary>
    public string? Timing { get; init; }
}
