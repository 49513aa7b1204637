namespace Simulator.Load.Failover;

/// <summary>One reading of a replica's lag behind its primary.</summary>
/// <param name="At">When it was read (wall time, converted to run seconds against the run's start).</param>
/// <param name="Node">The replica.</param>
/// <param name="Bytes">WAL bytes the primary has that the replica has not replayed; null when not known.</param>
/// <param name="Seconds">How long the replica took to replay recent commits (PostgreSQL's <c>replay_lag</c>); null when not known.</param>
public sealed record ReplicationLagSample(DateTimeOffset At, string Node, long? Bytes, double? Seconds);
