using Simulator.AppHost.Integrations.Etcd;
using Simulator.AppHost.Integrations.HAProxy;
using Simulator.AppHost.Integrations.Patroni;
using Simulator.AppHost.Integrations.Postgres;
using Simulator.AppHost.Integrations.Redis;
using Simulator.AppHost.Integrations.S3;

namespace Simulator.AppHost.Topology;

/// <summary>The resources standing for one region of a native topology.</summary>
public sealed record RegionResources(
    string Name,
    IResourceBuilder<NativePostgresResource>? Primary,
    IReadOnlyList<IResourceBuilder<NativePostgresResource>> Replicas,
    IResourceBuilder<NativeRedisResource> Redis,
    IReadOnlyList<IResourceBuilder<ProjectResource>> OdooNodes,
    IResourceBuilder<HAProxyResource> Ingress)
{
    /// <summary>The region's object storage for attachments; null when the region has none.</summary>
    public IResourceBuilder<NativeS3Resource>? ObjectStorage { get; init; }

    /// <summary>The region's further primary servers (<c>eu-pg-2</c>...) when tenants' databases sit on several; empty otherwise.</summary>
    public IReadOnlyList<IResourceBuilder<NativePostgresResource>> MorePrimaries { get; init; } = [];

    /// <summary>The region's etcd member; null unless Patroni runs the database.</summary>
    public IResourceBuilder<EtcdMemberResource>? Etcd { get; init; }

    /// <summary>The region's Patroni node (leader or replica, as Patroni decides); null unless Patroni runs the database.</summary>
    public IResourceBuilder<PatroniNodeResource>? PatroniNode { get; init; }

    /// <summary>The region's further Patroni nodes (<c>R-pg-2</c>...), under warm standby; empty otherwise.</summary>
    public IReadOnlyList<IResourceBuilder<PatroniNodeResource>> MorePatroniNodes { get; init; } = [];

    /// <summary>The region's PostgreSQL router (writes to the leader, reads local); null unless Patroni runs the database.</summary>
    public IResourceBuilder<PostgresRouterResource>? DatabaseRouter { get; init; }

    /// <summary>Every resource of the region, in start order.</summary>
    public IEnumerable<IResource> All()
    {
        if (Etcd is not null)
        {
            yield return Etcd.Resource;
        }

        if (PatroniNode is not null)
        {
            yield return PatroniNode.Resource;
        }

        foreach (var node in MorePatroniNodes)
        {
            yield return node.Resource;
        }

        if (DatabaseRouter is not null)
        {
            yield return DatabaseRouter.Resource;
        }

        if (Primary is not null)
        {
            yield return Primary.Resource;
        }

        foreach (var server in MorePrimaries)
        {
            yield return server.Resource;
        }

        foreach (var replica in Replicas)
        {
            yield return replica.Resource;
        }

        yield return Redis.Resource;
        if (ObjectStorage is not null)
        {
            yield return ObjectStorage.Resource;
        }

        foreach (var node in OdooNodes)
        {
            yield return node.Resource;
        }

        yield return Ingress.Resource;
    }
}
