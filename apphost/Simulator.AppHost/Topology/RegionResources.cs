using Simulator.AppHost.Integrations.HAProxy;
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

    /// <summary>Every resource of the region, in start order.</summary>
    public IEnumerable<IResource> All()
    {
        if (Primary is not null)
        {
            yield return Primary.Resource;
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
