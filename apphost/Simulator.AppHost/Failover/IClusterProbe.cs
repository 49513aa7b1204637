using Simulator.Load.Failover;

namespace Simulator.AppHost.Failover;

/// <summary>Polls a cluster once: the DCS's leader key and each node's own account.</summary>
public interface IClusterProbe
{
    /// <summary>Polls every node and the DCS; a node or DCS that does not answer in time is recorded as such, not thrown.</summary>
    /// <param name="at">The time to stamp the observation with (when the poll started).</param>
    /// <param name="cancellationToken">Cancels the poll.</param>
    /// <returns>The observation.</returns>
    Task<ClusterObservation> ProbeAsync(DateTimeOffset at, CancellationToken cancellationToken);
}
