using Simulator.AppHost.Integrations.Etcd;
using Simulator.AppHost.Integrations.Minio;
using Simulator.AppHost.Integrations.Odoo;
using Simulator.AppHost.Integrations.Postgres;
using Simulator.AppHost.Integrations.Traefik;

namespace Simulator.AppHost.Topology;

/// <summary>The resources standing for one region of a containers topology.</summary>
public sealed record ContainerRegionResources(
    string Name,
    IResourceBuilder<EtcdContainerResource> Etcd,
    IReadOnlyList<IResourceBuilder<PostgresServerResource>> DatabaseNodes,
    IResourceBuilder<RedisResource> Redis,
    IResourceBuilder<MinioContainerResource> Storage,
    IResourceBuilder<ContainerResource> Bucket,
    IReadOnlyList<IResourceBuilder<OdooContainerResource>> OdooNodes,
    IResourceBuilder<TraefikContainerResource> Ingress)
{
    /// <summary>A tenant topology's router sending each tenant's database to its server (Odoo's <c>db_host</c>); else null.</summary>
    public IResourceBuilder<TenantRouterContainerResource>? TenantRouter { get; init; }

    /// <summary>Every resource of the region that runs for as long as the topology does, in start order.</summary>
    public IEnumerable<IResource> LongRunning()
    {
        yield return Etcd.Resource;
        foreach (var node in DatabaseNodes)
        {
            yield return node.Resource;
        }

        if (TenantRouter is not null)
        {
            yield return TenantRouter.Resource;
        }

        yield return Redis.Resource;
        yield return Storage.Resource;
        yield return Ingress.Resource;
        foreach (var node in OdooNodes)
        {
            yield return node.Resource;
        }
    }
}
