using Simulator.AppHost.Integrations.Containers;
using Simulator.AppHost.Integrations.Etcd;
using Simulator.AppHost.Integrations.Minio;
using Simulator.AppHost.Integrations.Odoo;
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
/// </summary>
public sealed class ContainerTopologyBuilder
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

        if (spec.WarmStandby)
        {
            // Its clusters (a regional one and standby clusters with their own etcd) have no container form yet.
            throw new NotSupportedException($"topology {spec.Name} (a warm standby) runs natively only: run it with --runtime native");
        }

        if (spec.Tenants.Count > 0)
        {
            // The Odoo image would need a database per tenant created and initialised; not built yet.
            throw new NotSupportedException($"topology {spec.Name} (tenants) runs natively only: run it with --runtime native");
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
        var databases = AddDatabaseNodes(etcd);
        var ingresses = _spec.Regions.ToDictionary(r => r.Name, r => AddIngress(r, databases), StringComparer.Ordinal);
        var init = AddOdooInit(databases, ingresses[_spec.Regions[0].Name]);
        var regions = new List<ContainerRegionResources>();
        foreach (var region in _spec.Regions)
        {
            var (storage, bucket) = AddObjectStorage(region);
            regions.Add(new ContainerRegionResources(
                region.Name,
                etcd[region.Name],
                databases[region.Name],
                AddRedis(region),
                storage,
                bucket,
                AddOdooNodes(region, init, ingresses[region.Name]),
                ingresses[region.Name]));
        }

        _toxiproxyLinks?.WriteConfig();
        var topology = new ContainerTopology(
            _spec, _run, _credentials, regions, init, _faultProxy, _toxiproxyLinks?.Links ?? [], _options);
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

    /// <summary>One etcd member per region, in one cluster; peers reach each other through the links.</summary>
    public IReadOnlyDictionary<string, IResourceBuilder<EtcdContainerResource>> AddEtcdCluster()
    {
        var members = _spec.Regions.ToDictionary(
            r => r.Name,
            r => _builder.AddEtcdContainer(ResourceNaming.Etcd(r.Name), _options.Images.Etcd, _run),
            StringComparer.Ordinal);
        var cluster = _spec.Regions.Select(r => new EtcdContainerMember(
            members[r.Name].Resource.Name,
            ContainerAddress.Of(_links.ReachFromAnyRegion(r.Name, "etcd-peer", members[r.Name].Resource.PeerEndpoint)),
            ContainerAddress.Of(members[r.Name].Resource.ClientEndpoint))).ToList();
        for (var i = 0; i < cluster.Count; i++)
        {
            members[_spec.Regions[i].Name].WithEtcdCluster(cluster[i], cluster, "sim-" + _run.Id);
        }

        return members;
    }

    /// <summary>
    /// The Patroni nodes: the first region's replicas plus one (the node that bootstraps the cluster),
    /// every other region's replicas. The others wait for the first, so it is the one that initialises.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<IResourceBuilder<PostgresServerResource>>> AddDatabaseNodes(
        IReadOnlyDictionary<string, IResourceBuilder<EtcdContainerResource>> etcd)
    {
        ArgumentNullException.ThrowIfNull(etcd);
        var nodes = new Dictionary<string, IReadOnlyList<IResourceBuilder<PostgresServerResource>>>(StringComparer.Ordinal);
        IResourceBuilder<PostgresServerResource>? first = null;
        foreach (var region in _spec.Regions)
        {
            // A native Patroni topology runs one node per region; so do its containers.
            var count = _spec.IsPatroni ? 1 : region.DatabaseReplicas + (first is null ? 1 : 0);
            var regionNodes = new List<IResourceBuilder<PostgresServerResource>>();
            for (var n = 1; n <= count; n++)
            {
                var node = _builder.AddPatroniContainerNode(
                    ResourceNaming.DatabaseNode(region.Name, n), _secrets, _options.Images.Postgres, _run);
                var etcdHosts = _spec.Regions
                    .Select(r => ContainerAddress.Of(_links.Reach(region.Name, r.Name, "etcd", etcd[r.Name].Resource.ClientEndpoint)))
                    .ToList();
                node.WithPatroniConfig(
                        _options.Patroni,
                        new PatroniContainerNode(
                            node.Resource.Name,
                            ContainerAddress.Of(_links.ReachFromAnyRegion(region.Name, DatabaseService("postgres", n), node.GetEndpoint(PatroniContainerBuilderExtensions.PostgresEndpointName))),
                            ContainerAddress.Of(_links.ReachFromAnyRegion(region.Name, DatabaseService("patroni", n), node.RestEndpoint())),
                            etcdHosts),
                        _options.Images.Postgres)
                    .WaitFor(etcd[region.Name]);
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
        var servers = _spec.Regions
            .SelectMany(owner => databases[owner.Name].Select((node, i) => new TraefikDatabaseServer(
                node.Resource.Name,
                ContainerAddress.Of(_links.Reach(region.Name, owner.Name, DatabaseService("postgres", i + 1), node.GetEndpoint(PatroniContainerBuilderExtensions.PostgresEndpointName))),
                ContainerAddress.Of(_links.Reach(region.Name, owner.Name, DatabaseService("patroni", i + 1), node.RestEndpoint())),
                owner.Name == region.Name)))
            .ToList();
        return _builder.AddTraefikContainerIngress(
            ResourceNaming.Ingress(region.Name), _options.Images.Traefik, new TraefikRegionRoutes(region.Name, odoo, servers));
    }

    /// <summary>
    /// The one-shot container creating Odoo's database through the first region's ingress (so it lands on
    /// the leader), once that ingress and the bootstrapping node are healthy.
    /// </summary>
    public IResourceBuilder<ContainerResource> AddOdooInit(
        IReadOnlyDictionary<string, IReadOnlyList<IResourceBuilder<PostgresServerResource>>> databases,
        IResourceBuilder<TraefikContainerResource> firstIngress)
    {
        ArgumentNullException.ThrowIfNull(databases);
        ArgumentNullException.ThrowIfNull(firstIngress);
        var first = _spec.Regions[0];
        return _builder.AddOdooContainerDatabaseInit(
                ContainerResourceNaming.OdooInit,
                _options.Images.Odoo,
                _options.Odoo,
                OdooConf(first),
                OdooDataVolume,
                _credentials,
                [.. _spec.Regions.Select(r => r.Name)])
            .WaitFor(firstIngress)
            .WaitFor(databases[first.Name][0]);
    }

    /// <summary>The region's Odoo nodes, started once the database exists, talking to PostgreSQL through the region's ingress.</summary>
    public IReadOnlyList<IResourceBuilder<OdooContainerResource>> AddOdooNodes(
        RegionSpec region, IResourceBuilder<ContainerResource> init, IResourceBuilder<TraefikContainerResource> ingress)
    {
        ArgumentNullException.ThrowIfNull(region);
        var conf = OdooConf(region);
        return [.. Enumerable.Range(1, region.OdooNodes).Select(n => _builder
            .AddOdooContainerNode(ResourceNaming.OdooNode(region.Name, n), region.Name, _options.Images.Odoo, conf, OdooDataVolume)
            .WaitForCompletion(init)
            .WaitFor(ingress))];
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

    /// <summary>Filestore and web sessions, one volume for every Odoo node (a deployment shares its filestore).</summary>
    private string OdooDataVolume => RunVolumes.Name(_run, "odoo", "filestore");

    private string OdooConf(RegionSpec region)
    {
        var ingress = ResourceNaming.Ingress(region.Name);
        var database = new OdooContainerDatabase(
            _credentials.Database,
            new ContainerAddress(ingress, TraefikContainerResource.PostgresPort),
            region.DatabaseReplicas > 0 ? new ContainerAddress(ingress, TraefikContainerResource.ReplicaPort) : null,
            _secrets.OdooUser,
            _secrets.OdooPassword,
            _masterPassword);
        return OdooContainerConfig.Render(_options.Odoo, database);
    }
}
