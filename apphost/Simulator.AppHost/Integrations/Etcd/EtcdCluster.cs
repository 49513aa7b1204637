namespace Simulator.AppHost.Integrations.Etcd;

/// <summary>An etcd cluster of one member per region, started together (a member alone has no quorum).</summary>
/// <param name="Token">The cluster's <c>--initial-cluster-token</c>, unique per run.</param>
/// <param name="Members">The members, in region order.</param>
public sealed record EtcdCluster(string Token, IReadOnlyList<IResourceBuilder<EtcdMemberResource>> Members)
{
    /// <summary>The member running in <paramref name="region"/>.</summary>
    public IResourceBuilder<EtcdMemberResource> Member(string region) =>
        Members.FirstOrDefault(m => m.Resource.Region == region)
        ?? throw new KeyNotFoundException($"the etcd cluster has no member in region {region}");
}
