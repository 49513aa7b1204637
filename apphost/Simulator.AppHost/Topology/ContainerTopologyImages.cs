using Microsoft.Extensions.Configuration;
using Simulator.AppHost.Integrations.Containers;
using Simulator.AppHost.Integrations.Etcd;
using Simulator.AppHost.Integrations.Minio;
using Simulator.AppHost.Integrations.Odoo;
using Simulator.AppHost.Integrations.Postgres;
using Simulator.AppHost.Integrations.Redis;
using Simulator.AppHost.Integrations.Toxiproxy;
using Simulator.AppHost.Integrations.Traefik;

namespace Simulator.AppHost.Topology;

/// <summary>The images a containers topology runs, each from its integration's <c>*ContainerImages</c> class.</summary>
public sealed record ContainerTopologyImages(
    ContainerImage Odoo,
    ContainerImage Postgres,
    ContainerImage Etcd,
    ContainerImage Redis,
    ContainerImage Minio,
    ContainerImage MinioClient,
    ContainerImage Traefik,
    ContainerImage Toxiproxy)
{
    /// <summary>The pinned images for <paramref name="odoo"/>.</summary>
    public static ContainerTopologyImages Pinned(OdooContainerVersion odoo) => new(
        OdooContainerImages.For(odoo),
        PatroniContainerImages.Postgres,
        EtcdContainerImages.Etcd,
        RedisContainerImages.Redis,
        MinioContainerImages.Minio,
        MinioContainerImages.Client,
        TraefikContainerImages.Traefik,
        ToxiproxyContainerImages.Toxiproxy);

    /// <summary>These images with the configuration's overrides (<c>Containers:Images:&lt;key&gt;:Tag</c>…).</summary>
    public ContainerTopologyImages WithOverrides(IConfiguration configuration) => new(
        Odoo.WithOverrides(configuration),
        Postgres.WithOverrides(configuration),
        Etcd.WithOverrides(configuration),
        Redis.WithOverrides(configuration),
        Minio.WithOverrides(configuration),
        MinioClient.WithOverrides(configuration),
        Traefik.WithOverrides(configuration),
        Toxiproxy.WithOverrides(configuration));

    /// <summary>Every image, for listings (<c>docker pull</c> ahead of a first run).</summary>
    public IReadOnlyList<ContainerImage> All => [Odoo, Postgres, Etcd, Redis, Minio, MinioClient, Traefik, Toxiproxy];
}
