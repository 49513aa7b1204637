using Simulator.Load.Failover;

namespace Simulator.AppHost.Failover;

/// <summary>
/// Replication lag of a Patroni cluster's replicas from what each node's Patroni says (<see cref="PatroniNodesReading.Lag"/>):
/// no database connection, and whichever node leads now is the reference.
/// </summary>
/// <param name="reader">Reads every node.</param>
public sealed class PatroniLagSource(PatroniNodesReader reader) : IReplicationLagSource
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<ReplicationLagSample>> ReadAsync(DateTimeOffset at, CancellationToken cancellationToken) =>
        (await reader.ReadAsync(at, cancellationToken)).Lag();
}
