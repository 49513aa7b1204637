namespace Simulator.Scenarios;

/// <summary>A topology's <c>database:</c> block: plain streaming replication, or Patroni and its profile.</summary>
public sealed record TopologyDatabase
{
    /// <summary>The engine names <see cref="Engine"/> may take.</summary>
    public static IReadOnlyList<string> Engines { get; } = [StreamingEngine, PatroniEngine];

    /// <summary>A fixed primary in the first region and streaming replicas; no automated failover.</summary>
    public const string StreamingEngine = "streaming";

    /// <summary>A Patroni cluster with etcd, a PostgreSQL router per region and automated failover.</summary>
    public const string PatroniEngine = "patroni";

    /// <summary><c>streaming</c> (the default) or <c>patroni</c>.</summary>
    public string Engine { get; init; } = StreamingEngine;

    /// <summary>Patroni only: <c>async</c>, <c>sync</c> or <c>sync-strict</c> (as <see cref="DatabaseSettings.ReplicationModes"/>); null for Patroni's default, async.</summary>
    public string? Replication { get; init; }

    /// <summary>Patroni only: <c>default</c> or <c>fast</c> (as <see cref="DatabaseSettings.Timings"/>); null for <c>default</c>.</summary>
    public string? Timing { get; init; }

    /// <summary>Patroni only: the first region's own cluster plus a standby cluster per other region, promoted only by a scripted region failover.</summary>
    public bool WarmStandby { get; init; }

    /// <summary>Whether Patroni runs the database.</summary>
    public bool IsPatroni => Engine == PatroniEngine;
}
