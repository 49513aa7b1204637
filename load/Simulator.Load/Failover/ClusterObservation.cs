namespace Simulator.Load.Failover;

/// <summary>One poll of a cluster: the DCS's leader key and every node's own account.</summary>
/// <param name="At">When the poll was made (the clock's wall time; converted to run seconds against the run's start).</param>
/// <param name="LeaderKeyRead">Whether the DCS answered (when it did not, <paramref name="Leader"/> means nothing).</param>
/// <param name="Leader">The node the leader key names; null when there is none.</param>
/// <param name="Nodes">Every node.</param>
public sealed record ClusterObservation(DateTimeOffset At, bool LeaderKeyRead, string? Leader, IReadOnlyList<NodeObservation> Nodes);
