using Simulator.Load.Failover;

namespace Simulator.AppHost.Failover;

/// <summary>
/// Several lag sources read as one, one after the other: replicas of different primaries (the tenants' servers of a
/// segmented topology), each source asking its own primary.
/// </summary>
/// <param name="sources">The sources, read in this order.</param>
public sealed class CombinedReplicationLagSource(IReadOnlyList<IReplicationLagSource> sources) : IReplicationLagSource
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<ReplicationLagSample>> ReadAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        var samples = new List<ReplicationLagSample>();
        foreach (var source in sources)
        {
            samples.AddRange(await source.ReadAsync(at, cancellationToken));
        }

        return samples;
    }
}
