using Simulator.AppHost.Integrations.HAProxy;
using Simulator.AppHost.Integrations.Odoo;
using Simulator.AppHost.Integrations.Patroni;
using Simulator.AppHost.Integrations.Postgres;
using Simulator.AppHost.Integrations.Redis;
using Simulator.AppHost.Integrations.S3;
using Simulator.AppHost.Native;
using Simulator.Load.Odoo;

namespace Simulator.AppHost.Topology;

/// <summary>Turns a <see cref="TopologySpec"/> into native-runtime resources.</summary>
public static partial class NativeTopologyBuilder
{
    /// <summary>The service name of PostgreSQL in link names (<c>us-&gt;eu:postgres</c>).</summary>
    public const string PostgresService = "postgres";

    /// <summary>
    /// Adds every resource of <paramref name="spec"/>: the primary database in the first region,
    /// replicas, Redis, object storage, Odoo emulators and an HAProxy ingress per region. Every connection into another
    /// region (Odoo nodes and replicas to the primary) goes through a fault-proxy link. Patroni topologies and those with
    /// tenants (each region its tenants' servers) are built by their own methods.
    /// </summary>
    public static NativeTopology AddNativeTopology(
        this IDistributedApplicationBuilder builder, TopologySpec spec, RunDirectory run, OdooCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(credentials);

        var links = new ProxyRegionLinks(builder, run);
        if (spec.Patroni is { } patroni)
        {
            var cluster = spec.WarmStandby
                ? builder.AddWarmStandbyClusters(spec, patroni, run, credentials, links)
                : builder.AddPatroniCluster(run, [.. spec.Regions.Select(r => r.Name)], credentials.Database, RunSecrets.NewPassword(), patroni, links, spec.PatroniTags());
            return builder.AddPatroniTopology(spec, cluster, run, credentials, links);
        }

        if (spec.Tenants.Count > 0)
        {
            return builder.AddTenantTopology(spec, run, credentials, links);
        }

        var postgresPassword = RunSecrets.NewPassword();
        var primaryRegion = spec.Regions[0].Name;
        var warehouses = spec.Regions.Count > 1 ? spec.Regions.Select(r => r.Name).ToList() : null;
        IResourceBuilder<NativePostgresResource>? primary = null;
        var regions = new List<RegionResources>();
        foreach (var region in spec.Regions)
        {
            var node = 1;
            // The first region holds the primary.
            var regionPrimary = primary is null
                ? builder.AddNativePostgresPrimary(ResourceNaming.DatabaseNode(region.Name, node++), run, credentials.Database, postgresPassword)
                : null;
            primary ??= regionPrimary!;

            // Asked for only by a region that has clients of the primary, so no link is left unused.
            var toPrimary = new Lazy<EndpointReference>(() => links.Reach(region.Name, primaryRegion, PostgresService, primary.Resource.Endpoint));
            var replicas = Enumerable.Range(0, region.DatabaseReplicas)
                .Select(_ => builder.AddNativePostgresReplica(ResourceNaming.DatabaseNode(region.Name, node++), run, primary, toPrimary.Value))
                .ToList();
            var redis = builder.AddNativeRedis(ResourceNaming.Redis(region.Name), run);
            // Object storage: the region's attachments; reads: the region's first replica, if it has one.
            var storage = builder.AddNativeS3(ResourceNaming.ObjectStorage(region.Name), run);
            var odooNodes = Enumerable.Range(1, region.OdooNodes)
                .Select(i => builder.AddOdooEmulator(ResourceNaming.OdooNode(region.Name, i), region.Name, primary, redis, credentials, toPrimary.Value, warehouses)
                    .WithAttachmentStorage(storage)
                    .WithWorkers(region.OdooWorkers)
                    .WithReadReplica(replicas.FirstOrDefault()))
                .ToList();
            var ingress = builder.AddHAProxyIngress(
                ResourceNaming.Ingress(region.Name), run, odooNodes, n => n.GetEndpoint(OdooEmulatorBuilderExtensions.EndpointName));
            regions.Add(new RegionResources(region.Name, regionPrimary, replicas, redis, odooNodes, ingress) { ObjectStorage = storage });
        }

        return new NativeTopology(spec, run, credentials, regions, links.Proxy);
    }

    /// <summary>
    /// Warm standby: the first region's own cluster (its nodes and etcd), and a standby cluster per other region (scope
    /// <c>&lt;scope&gt;-&lt;region&gt;</c>) streaming from the first region's first node through the link
    /// <c>R-&gt;first:postgres</c>, the one R's router uses to reach that node. The passwords are shared: a standby
    /// cluster is a copy of the first one's data, roles included.
    /// </summary>
    private static PatroniCluster AddWarmStandbyClusters(
        this IDistributedApplicationBuilder builder, TopologySpec spec, PatroniClusterOptions options, RunDirectory run, OdooCredentials credentials, ProxyRegionLinks links)
    {
        var passwords = PatroniPasswords.New(RunSecrets.NewPassword());
        var first = spec.Regions[0];
        var active = builder.AddRegionalPatroniCluster(run, first.Name, spec.PatroniNodes(first), credentials.Database, passwords, options, standbySource: null);
        var source = active.Nodes[0];
        var standbys = spec.Regions.Skip(1)
            .Select(region =>
            {
                var reach = links.Reach(region.Name, first.Name, PatroniBuilderExtensions.PostgresService, source.Resource.PostgresEndpoint);
                var standby = builder.AddRegionalPatroniCluster(
                    run, region.Name, spec.PatroniNodes(region), credentials.Database, passwords, options with { Scope = PatroniClusterOptions.StandbyScope(options.Scope, region.Name) }, reach);
                standby.Nodes[0].WaitFor(source);
                return standby;
            })
            .ToList();
        return active with { Standbys = standbys };
    }

    /// <summary>
    /// The Patroni form: the cluster (an etcd member and a node per region, the first region's node bootstrapping; or,
    /// under warm standby, a cluster per region), then per region a PostgreSQL router, Redis, object storage, Odoo emulators writing and reading through the
    /// router, and the ingress. Every cross-region connection (etcd peers and clients, replication, the routers'
    /// checks and sessions) goes through a fault-proxy link.
    /// </summary>
    private static NativeTopology AddPatroniTopology(
        this IDistributedApplicationBuilder builder, TopologySpec spec, PatroniCluster cluster, RunDirectory run, OdooCredentials credentials, ProxyRegionLinks links)
    {
        var names = spec.Regions.Select(r => r.Name).ToList();
        var warehouses = names.Count > 1 ? names : null;
        var regions = new List<RegionResources>();
        foreach (var region in spec.Regions)
        {
            var router = builder.AddPostgresRouter(run, region.Name, cluster, links);
            var redis = builder.AddNativeRedis(ResourceNaming.Redis(region.Name), run);
            var storage = builder.AddNativeS3(ResourceNaming.ObjectStorage(region.Name), run);
            var odooNodes = Enumerable.Range(1, region.OdooNodes)
                .Select(i => builder.AddOdooEmulator(ResourceNaming.OdooNode(region.Name, i), region.Name, cluster, router, redis, credentials, warehouses)
                    .WithAttachmentStorage(storage)
                    .WithWorkers(region.OdooWorkers))
                .ToList();
            var ingress = builder.AddHAProxyIngress(
                ResourceNaming.Ingress(region.Name), run, odooNodes, n => n.GetEndpoint(OdooEmulatorBuilderExtensions.EndpointName));
            regions.Add(new RegionResources(region.Name, null, [], redis, odooNodes, ingress)
            {
                ObjectStorage = storage,
                Etcd = (cluster.StandbyIn(region.Name) ?? cluster).Etcd.Member(region.Name),
                PatroniNode = cluster.Node(region.Name),
                MorePatroniNodes = [.. cluster.AllNodes.Where(n => n.Resource.Region == region.Name).Skip(1)],
                DatabaseRouter = router,
            });
        }

        return new NativeTopology(spec, run, credentials, regions, links.Proxy) { Patroni = cluster };
    }
}
