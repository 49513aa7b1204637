using Simulator.Load.Failover;

namespace Simulator.AppHost.Failover;

/// <summary>Reads every replica's lag behind its primary once.</summary>
public interface IReplicationLagSource
{
    /// <summary>One reading per streaming replica; none when no primary could be asked.</summary>
    /// <param name="at">The time to stamp the readings with.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The readings.</returns>
    Task<IReadOnlyList<ReplicationLagSample>> ReadAsync(DateTimeOffset at, CancellationToken cancellationToken);
}
