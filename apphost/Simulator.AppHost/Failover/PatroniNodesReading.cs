using Simulator.AppHost.Integrations.Patroni;
using Simulator.Load.Failover;

namespace Simulator.AppHost.Failover;

/// <summary>What every node of a Patroni cluster said about itself at one instant (<c>GET /patroni</c>).</summary>
/// <param name="At">When the nodes were asked.</param>
/// <param name="Nodes">Each node's name and status, in the cluster's order; a null status when the node did not answer.</param>
public sealed record PatroniNodesReading(DateTimeOffset At, IReadOnlyList<(string Node, PatroniStatus? Status)> Nodes)
{
    /// <summary>The node running as the cluster's primary (or, in a standby cluster, its standby leader); null when none is.</summary>
    public string? Leader =>
        Nodes.FirstOrDefault(n => n.Status is { IsRunning: true, IsPrimary: true }).Node
        ?? Nodes.FirstOrDefault(n => n.Status is { IsRunning: true, IsStandbyLeader: true }).Node;

    /// <summary>The status of <paramref name="node"/>; null when it did not answer.</summary>
    public PatroniStatus? StatusOf(string node) => Nodes.FirstOrDefault(n => n.Node == node).Status;

    /// <summary>
    /// How far each running replica is behind the leader: bytes = the leader's WAL location minus the replica's replayed
    /// location (unknown without a leader); seconds = 0 when the replica has replayed all it received, else the age of
    /// the last transaction it replayed (unknown when Patroni does not say).
    /// </summary>
    public IReadOnlyList<ReplicationLagSample> Lag()
    {
        var leader = Leader is { } name ? StatusOf(name) : null;
        var samples = new List<ReplicationLagSample>();
        foreach (var (node, status) in Nodes)
        {
            if (status is not { IsRunning: true, IsReplica: true } || node == Leader)
            {
                continue;
            }

            long? bytes = leader?.WalPosition is { } head && status.WalPosition is { } replayed ? Math.Max(0, head - replayed) : null;
            double? seconds = status.ReceivedPosition is { } received && received == status.WalPosition
                ? 0
                : status.ReplayedAt is { } replayedAt ? Math.Max(0, (At - replayedAt).TotalSeconds) : null;
            samples.Add(new ReplicationLagSample(At, node, bytes, seconds));
        }

        return samples;
    }
}
