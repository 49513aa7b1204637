using Simulator.Chaos;

namespace Simulator.AppHost.Run;

/// <summary>
/// Link faults on a Patroni topology, where a partition of a whole region must also isolate its etcd member. Every
/// region reaches a member's peer port through one shared link (<c>*-&gt;R:etcd-peer</c>: etcd advertises one peer
/// URL for everyone), and etcd streams messages both ways over connections either side opened, so cutting the links
/// that touch R leaves R's member talking to the others through the links it dialled out on. A two-way partition of
/// a region therefore also freezes (SIGSTOP) the region's etcd member for as long as the partition lasts: to the
/// others it is as gone as a cut-off member, and R's Patroni node, whose other etcd links are cut, loses the DCS
/// entirely and demotes itself if it led. Every other fault passes through unchanged. Under warm standby each
/// region's etcd is its own, with no peer in another region, so cutting the links isolates the region already and
/// nothing is frozen: the isolated region's cluster keeps its DCS and its primary, as a real cut-off region would; so
/// with tenants, whose servers are each a cluster of their own (<see cref="Topology.TopologySpec.ClustersStayInRegion"/>).
/// </summary>
public sealed class PatroniRegionIsolation(ILinkFaults links, IProcessFaults processes, IRunTopology topology) : ILinkFaults
{
    private readonly Dictionary<long, string> _frozen = [];
    private readonly Lock _gate = new();

    /// <inheritdoc/>
    public Task<LinkFault> AddLatencyAsync(LinkTarget target, TimeSpan roundTrip, TimeSpan jitter, CancellationToken cancellationToken = default) =>
        links.AddLatencyAsync(target, roundTrip, jitter, cancellationToken);

    /// <inheritdoc/>
    public Task<LinkFault> TimeoutAsync(LinkTarget target, TimeSpan? after = null, CancellationToken cancellationToken = default) =>
        links.TimeoutAsync(target, after, cancellationToken);

    /// <inheritdoc/>
    public Task<LinkFault> ResetAsync(LinkTarget target, CancellationToken cancellationToken = default) =>
        links.ResetAsync(target, cancellationToken);

    /// <inheritdoc/>
    public async Task<LinkFault> PartitionAsync(LinkTarget target, PartitionDirection direction = PartitionDirection.Both, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var fault = await links.PartitionAsync(target, direction, cancellationToken);
        if (target.Kind != LinkTargetKind.Region || direction != PartitionDirection.Both || topology.Spec.ClustersStayInRegion
            || !topology.Spec.Regions.Any(r => r.Name == target.First) || topology.EtcdMember(target.First!) is not { } member)
        {
            return fault;
        }

        try
        {
            await processes.PauseAsync(member, cancellationToken);
        }
        catch
        {
            await links.HealAsync(fault, CancellationToken.None);
            throw;
        }

        lock (_gate)
        {
            _frozen[fault.Id] = member;
        }

        return fault;
    }

    /// <inheritdoc/>
    public async Task HealAsync(LinkFault fault, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fault);
        await links.HealAsync(fault, cancellationToken);
        await ThawAsync([fault], cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<LinkFault>> HealAsync(LinkTarget target, CancellationToken cancellationToken = default)
    {
        var healed = await links.HealAsync(target, cancellationToken);
        await ThawAsync(healed, cancellationToken);
        return healed;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<LinkFault>> HealAllAsync(CancellationToken cancellationToken = default)
    {
        var healed = await links.HealAllAsync(cancellationToken);
        await ThawAsync(healed, cancellationToken);
        return healed;
    }

    private async Task ThawAsync(IEnumerable<LinkFault> healed, CancellationToken cancellationToken)
    {
        foreach (var fault in healed)
        {
            string? member;
            lock (_gate)
            {
                _frozen.Remove(fault.Id, out member);
            }

            if (member is not null)
            {
                await processes.ResumeAsync(member, cancellationToken);
            }
        }
    }
}
