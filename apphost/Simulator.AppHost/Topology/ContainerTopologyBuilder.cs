using Simulator.AppHost.Integrations.Containers;
using Simulator.AppHost.Integrations.Etcd;
using Simulator.AppHost.Integrations.HAProxy;
using Simulator.AppHost.Integrations.Minio;
using Simulator.AppHost.Integrations.Odoo;
using Simulator.AppHost.Integrations.Patroni;
using Simulator.AppHost.Integrations.Postgres;
using Simulator.AppHost.Integrations.Redis;
using Simulator.AppHost.Integrations.Toxiproxy;
using Simulator.AppHost.Integrations.Traefik;
using Simulator.AppHost.Native;
using Simulator.Load.Odoo;

namespace Simulator.AppHost.Topology;

/// <summary>
/// Turns a <see cref="TopologySpec"/> into containers-runtime resources, one method per component:
/// a Toxiproxy for the cross-region links, an etcd member and Redis and MinIO per region, Patroni nodes
/// (the first region's first node bootstraps the cluster), a Traefik ingress per region, the one-shot
/// database creation, and the Odoo nodes. Every configuration file is generated here, from the same
/// addresses, so Odoo, Traefik, Patroni and etcd cannot disagree about where anything is.
/// A warm standby (<see cref="TopologySpec.WarmStandby"/>) gets a cluster per region instead, as natively: the first
/// region's, with an etcd of its own, and a standby cluster per other region (its own etcd and scope) following the
/// first region's first node through that region's Toxiproxy link to it.
/// Tenants (<see cref="TopologySpec.Tenants"/>) get, per region, one PostgreSQL server per server number of the tenants
/// living there, each a Patroni cluster of one node with a scope of its own, every tenant's database created on its
/// server, disaster-recovery standby clusters of other regions' servers, and a tenant router (PgBouncer) that the
/// region's Odoo nodes use as their one <c>db_host</c>, sending each of the region's tenants to its server
/// (<c>ContainerTopologyBuilder.Tenants.cs</c>).
/// </summary>
public sealed partial class ContainerTopologyBuilder
{
    private readonly IDistributedApplicationBuilder _builder;
    private readonly TopologySpec _spec;
    private readonly RunDirectory _run;
    private readonly OdooCredentials _credentials;
    private readonly ContainerTopologyOptions _options;
    private readonly PatroniContainerSecrets _secrets;
    private readonly string _masterPassword = RunSecrets.NewPassword();
    private IRegionLinks _links = DirectRegionLinks.Instance;
    private IResourceBuilder<ToxiproxyContainerResource>? _faultProxy;
    private ToxiproxyContainerLinks? _toxiproxyLinks;

    /// <summary>Prepares a build of <paramref name="spec"/> into <paramref name="builder"/>.</summary>
    public ContainerTopologyBuilder(
        IDistributedApplicationBuilder builder, TopologySpec spec, RunDirectory run, OdooCredentials credentials, ContainerTopologyOptions options)
    {
        _builder = builder ?? throw new ArgumentNullException(nameof(builder));
        _spec = spec ?? throw new ArgumentNullException(nameof(spec));
        _run = run ?? throw new ArgumentNullException(nameof(run));
        _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        if (spec.Regions.Count == 0)
        {
            throw new ArgumentException($"topology {spec.Name} has no region", nameof(spec));
        }

        if (RefusalOf(spec) is { } refusal)
        {
            throw new NotSupportedException(refusal);
        }

        if (spec.Tenants.Count > 0)
        {
            // As natively: the first tenant is the default database (a workload without tenant:, the endpoints file).
            _credentials = credentials with { Database = spec.Tenants[0].Name };
        }

        _secrets = new PatroniContainerSecrets(
            builder.AddParameter("postgres-password", RunSecrets.NewPassword(), secret: true),
            RunSecrets.NewPassword(),
            "odoo",
            RunSecrets.NewPassword());
    }

    /// <summary>Adds every resource and returns them.</summary>
    public ContainerTopology Build()
    {
        AddFaultProxy();
        var etcd = AddEtcdCluster();
        var databases = _spec.Tenants.Count > 0 ? AddTenantDatabaseNodes(etcd) : AddDatabaseNodes(etcd);
        var ingresses = _spec.Regions.ToDictionary(r => r.Name, r => AddIngress(r, databases), StringComparer.Ordinal);
        var tenants = TenantPlacements(databases);
        var init = AddOdooInit(databases, ingresses[_spec.Regions[0].Name], tenants);
        var regions = new List<ContainerRegionResources>();
        foreach (var region in _spec.Regions)
        {
            var (storage, bucket) = AddObjectStorage(region);
            var router = tenants.Count > 0 ? AddRegionTenantRouter(region, databases[region.Name], tenants) : null;
            regions.Add(new ContainerRegionResources(
                region.Name,
                etcd[region.Name],
                databases[region.Name],
                AddRedis(region),
                storage,
                bucket,
                AddOdooNodes(region, init, ingresses[region.Name], router),
                ingresses[region.Name]) { TenantRouter = router });
        }

        _toxiproxyLinks?.WriteConfig();
        var topology = new ContainerTopology(
            _spec, _run, _credentials, regions, init, _faultProxy, _toxiproxyLinks?.Links ?? [], _options)
        {
            TenantServers = _spec.Tenants.ToDictionary(
                t => t.Name, t => databases[_spec.RegionOf(t)][t.DatabaseServer - 1].Resource, StringComparer.Ordinal),
        };
        foreach (var container in topology.LongRunningResources().Concat(topology.OneShotResources()).OfType<ContainerResource>())
        {
            _builder.CreateResourceBuilder(container).WithContainerName(ContainerResourceNaming.Container(_run, container.Name));
        }

        return topology;
    }

    /// <summary>With more than one region, a Toxiproxy through which every cross-region connection goes.</summary>
    public void AddFaultProxy()
    {
        if (_spec.Regions.Count < 2)
        {
            return;
        }

        _faultProxy = _builder.AddToxiproxyContainer(ResourceNaming.FaultProxy, _options.Images.Toxiproxy);
        _toxiproxyLinks = new ToxiproxyContainerLinks(_faultProxy);
        _links = _toxiproxyLinks;
    }

    /// <summary>
    /// One etcd member per region, in one cluster whose peers reach each other through the links; under warm standby and
    /// with tenants (<see cref="TopologySpec.ClustersStayInRegion"/>), one single-member cluster per region instead (each
    /// region's Patroni clusters on their own DCS, so nothing of it crosses regions).
    /// </summary>
    public IReadOnlyDictionary<string, IResourceBuilder<EtcdContainerResource>> AddEtcdCluster()
    {
        var members = _spec.Regions.ToDictionary(
            r => r.Name,
            r => _builder.AddEtcdContainer(ResourceNaming.Etcd(r.Name), _options.Images.Etcd, _run),
            StringComparer.Ordinal);
        var cluster = _spec.Regions.Select(r => new EtcdContainerMember(
            members[r.Name].Resource.Name,
            ContainerAddress.Of(_spec.ClustersStayInRegion
                ? members[r.Name].Resource.PeerEndpoint
                : _links.ReachFromAnyRegion(r.Name, "etcd-peer", members[r.Name].Resource.PeerEndpoint)),
            ContainerAddress.Of(members[r.Name].Resource.ClientEndpoint))).ToList();
        for (var i = 0; i < cluster.Count; i++)
        {
            var region = _spec.Regions[i].Name;
            members[region].WithEtcdCluster(
                cluster[i], _spec.ClustersStayInRegion ? [cluster[i]] : cluster, _spec.ClustersStayInRegion ? $"sim-{_run.Id}-{region}" : "sim-" + _run.Id);
        }

        return members;
    }

    /// <summary>
    /// The Patroni nodes: the first region's replicas plus one (the node that bootstraps the cluster),
    /// every other region's replicas. The others wait for the first, so it is the one that initialises.
    /// Under warm standby each region's nodes form a cluster of their own, on the region's etcd, advertising their
    /// addresses straight (only their own cluster reaches them so); every other region's cluster is a standby cluster
    /// (scope <c>&lt;scope&gt;-&lt;region&gt;</c>) following the first node through the link <c>R-&gt;first:postgres-1</c>,
    /// the one R's ingress reaches that node through, and waits for the fault proxy too.
    /// Tenant topologies are built by <see cref="AddTenantDatabaseNodes"/> instead.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<IResourceBuilder<PostgresServerResource>>> AddDatabaseNodes(
        IReadOnlyDictionary<string, IResourceBuilder<EtcdContainerResource>> etcd)
    {
        ArgumentNullException.ThrowIfNull(etcd);
        var nodes = new Dictionary<string, IReadOnlyList<IResourceBuilder<PostgresServerResource>>>(StringComparer.Ordinal);
        var settings = _options.PatroniFor(_spec);
        IResourceBuilder<PostgresServerResource>? first = null;
        foreach (var region in _spec.Regions)
        {
            // A native Patroni topology runs one node per region (under warm standby, the region's cluster); so do its containers.
            var count = _spec.IsPatroni ? _spec.PatroniNodes(region) : region.DatabaseReplicas + (first is null ? 1 : 0);
            var standbyOf = _spec.WarmStandby ? first : null;
            var clusterSettings = standbyOf is null ? settings : settings with { Scope = PatroniClusterOptions.StandbyScope(settings.Scope, region.Name) };
            var standbySource = standbyOf is null ? (ContainerAddress?)null : ContainerAddress.Of(_links.Reach(
                region.Name, _spec.Regions[0].Name, DatabaseService("postgres", 1), standbyOf.GetEndpoint(PatroniContainerBuilderExtensions.PostgresEndpointName)));
            var etcdHosts = EtcdHosts(region, etcd);
            var regionNodes = new List<IResourceBuilder<PostgresServerResource>>();
            for (var n = 1; n <= count; n++)
            {
                var node = AddPatroniNode(region, n, clusterSettings, etcdHosts, standbySource, etcd);
                if (first is null)
                {
                    first = node;
                }
                else
                {
                    node.WaitFor(first);
                }

                regionNodes.Add(node);
            }

            nodes[region.Name] = regionNodes;
        }

        return nodes;
    }

    /// <summary>
    /// Node <paramref name="number"/> of <paramref name="region"/> (<c>R-pg-n</c>), configured with
    /// <paramref name="settings"/>, started once its region's etcd is healthy; with a <paramref name="standbySource"/>,
    /// a node of a standby cluster following it, which waits for the fault proxy too.
    /// </summary>
    private IResourceBuilder<PostgresServerResource> AddPatroniNode(
        RegionSpec region,
        int number,
        PatroniClusterSettings settings,
        IReadOnlyList<ContainerAddress> etcdHosts,
        ContainerAddress? standbySource,
        IReadOnlyDictionary<string, IResourceBuilder<EtcdContainerResource>> etcd)
    {
        var node = _builder.AddPatroniContainerNode(
            ResourceNaming.DatabaseNode(region.Name, number), _secrets, _options.Images.Postgres, _run);
        node.WithPatroniConfig(
                settings,
                new PatroniContainerNode(
                    node.Resource.Name,
                    Advertised(region.Name, DatabaseService("postgres", number), node.GetEndpoint(PatroniContainerBuilderExtensions.PostgresEndpointName)),
                    Advertised(region.Name, DatabaseService("patroni", number), node.RestEndpoint()),
                    etcdHosts,
                    standbySource)
                {
                    // The region's nofailover / nosync, as natively.
                    Tags = region.PatroniTags,
                },
                _options.Images.Postgres)
            .WaitFor(etcd[region.Name]);
        if (standbySource is not null && _faultProxy is not null)
        {
            node.WaitFor(_faultProxy);
        }

        return node;
    }

    /// <summary>
    /// The etcd members a node of <paramref name="region"/> talks to: every region's (others' through the links), or
    /// only its own region's where clusters stay in their region (<see cref="TopologySpec.ClustersStayInRegion"/>).
    /// </summary>
    private List<ContainerAddress> EtcdHosts(RegionSpec region, IReadOnlyDictionary<string, IResourceBuilder<EtcdContainerResource>> etcd)
    {
        IEnumerable<RegionSpec> etcdRegions = _spec.ClustersStayInRegion ? [region] : _spec.Regions;
        return [.. etcdRegions.Select(r => ContainerAddress.Of(_links.Reach(region.Name, r.Name, "etcd", etcd[r.Name].Resource.ClientEndpoint)))];
    }

    /// <summary>The region's Traefik: its Odoo nodes over HTTP, every database node over TCP through the links.</summary>
    public IResourceBuilder<TraefikContainerResource> AddIngress(
        RegionSpec region, IReadOnlyDictionary<string, IReadOnlyList<IResourceBuilder<PostgresServerResource>>> databases)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(databases);
        var odoo = Enumerable.Range(1, region.OdooNodes)
            .Select(n => ResourceNaming.OdooNode(region.Name, n))
            .Select(name => new TraefikOdooServer(
                name, new ContainerAddress(name, OdooContainerConfig.HttpPort), new ContainerAddress(name, OdooContainerConfig.GeventPort)))
            .ToList();
        // With tenants every server leads its own cluster: the ingress's database route reaches the region's first (its
        // default tenant's), never another region's server nor a disaster-recovery replica, and Odoo goes through the
        // tenant router instead.
        IEnumerable<RegionSpec> owners = _spec.Tenants.Count > 0 ? [region] : _spec.Regions;
        var servers = owners
            .SelectMany(owner => databases[owner.Name].Take(_spec.Tenants.Count > 0 ? Math.Min(1, _spec.PrimaryServersIn(owner.Name)) : int.MaxValue).Select((node, i) => new TraefikDatabaseServer(
                node.Resource.Name,
                ContainerAddress.Of(_links.Reach(region.Name, owner.Name, DatabaseService("postgres", i + 1), node.GetEndpoint(PatroniContainerBuilderExtensions.PostgresEndpointName))),
                ContainerAddress.Of(_links.Reach(region.Name, owner.Name, DatabaseService("patroni", i + 1), node.RestEndpoint())),
                owner.Name == region.Name)))
            .ToList();
        var routes = new TraefikRegionRoutes(region.Name, odoo, servers)
        {
            ReadCheck = _spec.WarmStandby ? PostgresRouterConfig.ReadOnlyCheck : PostgresRouterConfig.ReplicaCheck,
            ServesReads = _spec.Tenants.Count == 0,
        };
        return _builder.AddTraefikContainerIngress(ResourceNaming.Ingress(region.Name), _options.Images.Traefik, routes);
    }

    /// <summary>
    /// The one-shot container creating Odoo's database through the first region's ingress (so it lands on
    /// the leader), once that ingress and the bootstrapping node are healthy; with <paramref name="tenants"/>, every
    /// tenant's database straight on its server, once every region's tenant servers are healthy (a setup step, not
    /// simulated traffic: it reaches another region's server directly, as natively each primary creates its own).
    /// </summary>
    public IResourceBuilder<ContainerResource> AddOdooInit(
        IReadOnlyDictionary<string, IReadOnlyList<IResourceBuilder<PostgresServerResource>>> databases,
        IResourceBuilder<TraefikContainerResource> firstIngress,
        IReadOnlyList<TenantPlacement> tenants)
    {
        ArgumentNullException.ThrowIfNull(databases);
        ArgumentNullException.ThrowIfNull(firstIngress);
        ArgumentNullException.ThrowIfNull(tenants);
        var first = _spec.Regions[0];
        var init = _builder.AddOdooContainerDatabaseInit(
                ContainerResourceNaming.OdooInit,
                _options.Images.Odoo,
                _options.Odoo,
                OdooConf(first, router: null, [.. _spec.Tenants.Select(t => t.Name)]),
                OdooDataVolume,
                _credentials,
                [.. _spec.Regions.Select(r => r.Name)],
                tenants)
            .WaitFor(firstIngress);
        var servers = tenants.Count > 0
            ? _spec.Regions.SelectMany(r => databases[r.Name].Take(_spec.PrimaryServersIn(r.Name)))
            : databases[first.Name].Take(1);
        foreach (var server in servers)
        {
            init.WaitFor(server);
        }

        return init;
    }

    /// <summary>
    /// The region's Odoo nodes, started once the database exists, talking to PostgreSQL through the region's ingress,
    /// or with tenants through the region's <paramref name="router"/> (once it is healthy), serving the region's tenants.
    /// </summary>
    public IReadOnlyList<IResourceBuilder<OdooContainerResource>> AddOdooNodes(
        RegionSpec region,
        IResourceBuilder<ContainerResource> init,
        IResourceBuilder<TraefikContainerResource> ingress,
        IResourceBuilder<TenantRouterContainerResource>? router = null)
    {
        ArgumentNullException.ThrowIfNull(region);
        var conf = OdooConf(region, router?.Resource, [.. _spec.TenantsIn(region.Name).Select(t => t.Name)]);
        return [.. Enumerable.Range(1, region.OdooNodes).Select(n =>
        {
            var node = _builder
                .AddOdooContainerNode(ResourceNaming.OdooNode(region.Name, n), region.Name, _options.Images.Odoo, conf, OdooDataVolume)
                .WaitForCompletion(init)
                .WaitFor(ingress);
            return router is null ? node : node.WaitFor(router);
        })];
    }

    /// <summary>The region's Redis (Aspire's integration).</summary>
    public IResourceBuilder<RedisResource> AddRedis(RegionSpec region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return _builder.AddRedisContainer(ResourceNaming.Redis(region.Name), _options.Images.Redis);
    }

    /// <summary>The region's MinIO and the one-shot client that creates its bucket.</summary>
    public (IResourceBuilder<MinioContainerResource> Storage, IResourceBuilder<ContainerResource> Bucket) AddObjectStorage(RegionSpec region)
    {
        ArgumentNullException.ThrowIfNull(region);
        var storage = _builder.AddMinioContainer(
            ResourceNaming.ObjectStorage(region.Name), _options.Images.Minio, "sim-" + RunSecrets.NewPassword()[..8], RunSecrets.NewPassword(), _run);
        var bucket = _builder.AddMinioBucket(ContainerResourceNaming.Bucket(region.Name), _options.Images.MinioClient, storage, _options.Bucket);
        return (storage, bucket);
    }

    /// <summary>
    /// The service part of a link to database node <paramref name="number"/> of a region (<c>postgres-2</c>,
    /// <c>patroni-2</c>): a region may hold several nodes, and each needs its own listener.
    /// </summary>
    public static string DatabaseService(string kind, int number) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{kind}-{number}");

    /// <summary>
    /// The address a database node advertises to its cluster: shared by every region through the link
    /// <c>*-&gt;region:service</c>, except where clusters stay in their region (<see cref="TopologySpec.ClustersStayInRegion"/>):
    /// only the node's own region's cluster uses it.
    /// </summary>
    private ContainerAddress Advertised(string region, string service, EndpointReference target) =>
        ContainerAddress.Of(_spec.ClustersStayInRegion ? target : _links.ReachFromAnyRegion(region, service, target));

    /// <summary>Filestore and web sessions, one volume for every Odoo node (a deployment shares its filestore).</summary>
    private string OdooDataVolume => RunVolumes.Name(_run, "odoo", "filestore");

    /// <summary>
    /// The <c>odoo.conf</c> of <paramref name="region"/>'s nodes: writes through its ingress, or through its tenant
    /// <paramref name="router"/>, exposing exactly <paramref name="tenants"/>' databases (none: the one database).
    /// </summary>
    private string OdooConf(RegionSpec region, TenantRouterContainerResource? router, IReadOnlyList<string> tenants)
    {
        var ingress = ResourceNaming.Ingress(region.Name);
        var database = new OdooContainerDatabase(
            _credentials.Database,
            router is null
                ? new ContainerAddress(ingress, TraefikContainerResource.PostgresPort)
                : ContainerAddress.Of(router.Endpoint),
            // Under warm standby every region's own cluster serves reads (a standby cluster's leader included).
            region.DatabaseReplicas > 0 || _spec.WarmStandby ? new ContainerAddress(ingress, TraefikContainerResource.ReplicaPort) : null,
            _secrets.OdooUser,
            _secrets.OdooPassword,
            _masterPassword)
        {
            Tenants = tenants,
        };
        // A region's odoo_workers sizes its servers; the containers settings' count is the default.
        var settings = region.OdooWorkers is { } workers ? _options.Odoo with { Workers = workers } : _options.Odoo;
        return OdooContainerConfig.Render(settings, database);
    }

    /// <summary>
    /// Why the containers runtime cannot build <paramref name="spec"/>, or null when it can. Tenants are built as
    /// natively: each region's tenant servers, disaster-recovery standby clusters where a tenant names a
    /// <c>dr_region</c> (regional-segmented); tenants with read replicas, or on a Patroni topology, are refused, as the
    /// native runtime has no such form either. Checked by the builder and, before anything starts, by <c>sim run</c>.
    /// </summary>
    public static string? RefusalOf(TopologySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Tenants.Count == 0)
        {
            return null;
        }

        if (spec.IsPatroni)
        {
            return $"topology {spec.Name}: tenants on a Patroni topology have no containers form (nor a native one): a tenant's server is a cluster of its own; drop the patroni settings";
        }

        return spec.Regions.FirstOrDefault(r => r.DatabaseReplicas > 0) is { } withReplicas
            ? $"topology {spec.Name}: region {withReplicas.Name} has read replicas, which tenants do not use (a tenant's dr_region places a replica): set database_replicas to 0"
            : null;
    }
}
