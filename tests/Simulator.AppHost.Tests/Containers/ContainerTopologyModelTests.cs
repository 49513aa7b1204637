using System.Text.RegularExpressions;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Simulator.AppHost.Integrations.Containers;
using Simulator.AppHost.Integrations.Odoo;
using Simulator.AppHost.Integrations.Postgres;
using Simulator.AppHost.Integrations.Toxiproxy;
using Simulator.AppHost.Native;
using Simulator.AppHost.Topology;
using YamlDotNet.RepresentationModel;
using static Simulator.AppHost.Tests.Containers.TraefikDynamicConfigTests;

namespace Simulator.AppHost.Tests.Containers;

/// <summary>
/// The containers-mode app model of every catalogue topology (and of a three-region one, for the
/// cross-region links), built with Aspire — <c>builder.Build()</c> included — without starting anything.
/// </summary>
public sealed class ContainerTopologyModelTests
{
    /// <summary>Three regions, the shape issue 6 describes, so links and the etcd mesh are exercised.</summary>
    private static readonly TopologySpec ThreeRegions = new(
        "three-regions-test",
        "eu primary + standby, one replica in us and in apac, Odoo everywhere.",
        [new RegionSpec("eu", 2, 1), new RegionSpec("us", 1, 1), new RegionSpec("apac", 1, 1)]);

    /// <summary>
    /// Every catalogue topology: each has a container form, the tenant ones included (TenantContainerModelTests and
    /// RegionalSegmentedContainerModelTests look closer at those).
    /// </summary>
    public static TheoryData<string> CatalogTopologies() => [.. TopologyCatalog.All.Values.Select(t => t.Name)];

    [Fact]
    public void Every_catalogue_topology_is_accepted_and_tenants_with_read_replicas_are_refused_saying_what_to_change()
    {
        Assert.All(TopologyCatalog.All.Values, t => Assert.Null(ContainerTopologyBuilder.RefusalOf(t)));

        // What neither runtime has a form for (the loader refuses it in topology files; a spec built in code can ask).
        var withReplicas = TopologyCatalog.RegionalSegmented with
        {
            Name = "segmented-with-replicas",
            Regions = [new RegionSpec("eu", 2, 0), new RegionSpec("us", 2, 1)],
        };
        using var run = RunDirectory.Create(TimeProvider.System);
        var error = Assert.Throws<NotSupportedException>(() => TestingBuilders.Create().AddContainerTopology(
            withReplicas, run, RunSecrets.NewOdooCredentials(), ContainerTopologyOptions.Default));
        Assert.Equal(ContainerTopologyBuilder.RefusalOf(withReplicas), error.Message);
        Assert.Contains("region us has read replicas", error.Message, StringComparison.Ordinal);
        Assert.Contains("database_replicas to 0", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CatalogTopologies))]
    public async Task Every_catalogue_topology_builds_a_containers_app_model(string name)
    {
        var spec = TopologyCatalog.All[name];
        using var run = RunDirectory.Create(TimeProvider.System);
        var builder = TestingBuilders.Create();
        var topology = builder.AddContainerTopology(spec, run, RunSecrets.NewOdooCredentials(), ContainerTopologyOptions.Default);

        await AssertWellFormedAsync(spec, topology, run);
        await using var app = builder.Build();
        Assert.NotNull(app);
    }

    [Fact]
    public async Task Three_regions_build_with_every_cross_region_connection_through_a_named_toxiproxy_link()
    {
        using var run = RunDirectory.Create(TimeProvider.System);
        var builder = TestingBuilders.Create();
        var topology = builder.AddContainerTopology(ThreeRegions, run, RunSecrets.NewOdooCredentials(), ContainerTopologyOptions.Default);
        await AssertWellFormedAsync(ThreeRegions, topology, run);

        var proxy = Assert.IsType<ToxiproxyContainerResource>(topology.FaultProxy?.Resource);
        AssertImage(proxy, ToxiproxyContainerImages.Toxiproxy);
        var links = topology.Links.ToDictionary(l => l.Name);
        // Shared listeners: peers and advertised addresses are the same for every region.
        Assert.Equal("eu-pg-1:5432", links["*->eu:postgres-1"].Upstream.ToString());
        Assert.Equal("apac-pg-1:8008", links["*->apac:patroni-1"].Upstream.ToString());
        Assert.Equal("apac-etcd:2380", links["*->apac:etcd-peer"].Upstream.ToString());
        // Per-source listeners: what a region's ingress and Patroni nodes use, one per node.
        Assert.Equal("eu-pg-1:8008", links["us->eu:patroni-1"].Upstream.ToString());
        Assert.Equal("eu-pg-2:8008", links["us->eu:patroni-2"].Upstream.ToString());
        Assert.Equal("us-etcd:2379", links["eu->us:etcd"].Upstream.ToString());
        Assert.DoesNotContain(links.Keys, k => k.StartsWith("eu->eu", StringComparison.Ordinal));
        Assert.Equal(links.Count, links.Values.Select(l => l.Listen).Distinct().Count());
        Assert.All(links.Values, l => Assert.Contains(proxy.Annotations.OfType<EndpointAnnotation>(), e => e.Name == l.EndpointName && e.TargetPort == l.Listen));

        var proxies = System.Text.Json.JsonDocument.Parse(proxy.GeneratedFile("/etc/toxiproxy/proxies.json")!).RootElement;
        Assert.Equal(links.Count, proxies.GetArrayLength());
        Assert.Contains(proxies.EnumerateArray(), p => p.GetProperty("name").GetString() == "us->eu:postgres-1"
            && p.GetProperty("upstream").GetString() == "eu-pg-1:5432" && p.GetProperty("enabled").GetBoolean());
        Assert.Equal(
            ["-host=0.0.0.0", "-port=8474", "-config=/etc/toxiproxy/proxies.json"],
            await ArgsAsync(proxy));

        // us reaches the leader candidates in eu through links; its own node directly.
        var usRoutes = (YamlMappingNode)Parse(topology.Region("us").Ingress.Resource.GeneratedFile("/etc/traefik/dynamic/routes.yml")!)["tcp"]["services"];
        Assert.Equal($"fault-proxy:{links["us->eu:postgres-1"].Listen}", Text(usRoutes["eu-pg-1-primary"]["loadBalancer"]["servers"][0]["address"]));
        Assert.Equal("us-pg-1:5432", Text(usRoutes["us-pg-1-primary"]["loadBalancer"]["servers"][0]["address"]));

        // etcd: one cluster, peers advertised through the shared links, v2 API on.
        var apacEtcd = await ArgsAsync(topology.Region("apac").Etcd.Resource);
        Assert.Contains($"--initial-cluster=eu-etcd=http://fault-proxy:{links["*->eu:etcd-peer"].Listen},us-etcd=http://fault-proxy:{links["*->us:etcd-peer"].Listen},apac-etcd=http://fault-proxy:{links["*->apac:etcd-peer"].Listen}", apacEtcd);

        // Patroni in apac talks to its own etcd directly and to the others through links.
        var patroni = Parse(topology.Region("apac").DatabaseNodes[0].Resource.GeneratedFile("/etc/patroni/patroni.yml")!);
        Assert.Equal(
            $"fault-proxy:{links["apac->eu:etcd"].Listen},fault-proxy:{links["apac->us:etcd"].Listen},apac-etcd:2379",
            Text(patroni["etcd"]["hosts"]));
        Assert.Equal($"fault-proxy:{links["*->apac:postgres-1"].Listen}", Text(patroni["postgresql"]["connect_address"]));

        await using var app = builder.Build();
        Assert.NotNull(app);
    }

    [Fact]
    public async Task Odoo_18_reads_from_the_regions_replica_route_and_images_can_be_overridden()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Containers:Odoo:Version"] = "18.0",
            ["Containers:Odoo:Workers"] = "4",
            ["Containers:Patroni:Profile"] = "default",
            ["Containers:Images:traefik:Tag"] = "v3.6.99",
        }).Build();
        var options = ContainerTopologyOptions.FromConfiguration(configuration);
        using var run = RunDirectory.Create(TimeProvider.System);
        var builder = TestingBuilders.Create();
        var topology = builder.AddContainerTopology(TopologyCatalog.SingleRegionHa, run, RunSecrets.NewOdooCredentials(), options);
        var eu = topology.Region("eu");

        AssertImage(eu.OdooNodes[0].Resource, OdooContainerImages.Odoo18);
        Assert.Equal("v3.6.99", eu.Ingress.Resource.Annotations.OfType<ContainerImageAnnotation>().Last().Tag);
        var conf = OdooConf(eu.OdooNodes[0].Resource);
        Assert.Equal("eu-ingress", conf["db_replica_host"]);
        Assert.Equal("5433", conf["db_replica_port"]);
        Assert.Equal("4", conf["workers"]);
        var patroni = Parse(eu.DatabaseNodes[0].Resource.GeneratedFile("/etc/patroni/patroni.yml")!);
        Assert.Equal("30", Text(patroni["bootstrap"]["dcs"]["ttl"]));
        Assert.Contains(eu.Ingress.Resource.Annotations.OfType<EndpointAnnotation>(), e => e.Name == "postgres-replica" && e.TargetPort == 5433);

        var bad = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Containers:Odoo:Version"] = "16.0",
            ["Containers:Odoo:Workers"] = "many",
            ["Containers:Patroni:Profile"] = "slow",
        }).Build();
        var errors = Assert.Throws<ArgumentException>(() => ContainerTopologyOptions.FromConfiguration(bad)).Message.Split(Environment.NewLine);
        Assert.Equal(3, errors.Length);
        Assert.Contains(errors, e => e.StartsWith("Containers:Odoo:Version: '16.0'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Containers:Odoo:Workers: 'many'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Containers:Patroni:Profile: 'slow'", StringComparison.Ordinal));
    }

    /// <summary>What every containers topology must satisfy, whatever its shape.</summary>
    private static async Task AssertWellFormedAsync(TopologySpec spec, ContainerTopology topology, RunDirectory run)
    {
        var images = ContainerTopologyOptions.Default.Images;
        var firstRegion = topology.Regions[0];
        var firstNode = firstRegion.DatabaseNodes[0];
        Assert.Equal(spec.Regions.Select(r => r.Name), topology.Regions.Select(r => r.Name));
        Assert.Equal(spec.Regions.Count > 1, topology.FaultProxy is not null);

        // Names shared with the native runtime, so scenarios' fault targets mean the same thing.
        // Except the native PostgreSQL routers (Traefik routes database traffic in containers), the etcd members
        // of topologies that natively replicate without Patroni, so have no DCS, and the tenant routers (natively each
        // emulator node connects to each tenant's server itself; Odoo has one db_host).
        var shared = spec.ResourceNames()
            .Where(n => !topology.Regions.Any(r => n == ResourceNaming.DatabaseRouter(r.Name)))
            .ToHashSet(StringComparer.Ordinal);
        var ours = topology.LongRunningResources().Select(r => r.Name)
            .Where(n => spec.IsPatroni || !topology.Regions.Any(r => n == ResourceNaming.Etcd(r.Name)))
            .Where(n => !topology.Regions.Any(r => n == ContainerResourceNaming.TenantRouter(r.Name)))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Subset(ours, shared);

        foreach (var resource in topology.LongRunningResources())
        {
            Assert.True(resource.TryGetAnnotationsOfType<HealthCheckAnnotation>(out _), $"{resource.Name} has no health check");
            var endpoints = resource.Annotations.OfType<EndpointAnnotation>().ToList();
            Assert.NotEmpty(endpoints);
            Assert.All(endpoints, e =>
            {
                Assert.False(e.IsProxied, $"{resource.Name}:{e.Name} is proxied");
                Assert.Equal("127.0.0.1", e.TargetHost);
                Assert.NotNull(e.TargetPort);
            });
        }

        foreach (var region in topology.Regions)
        {
            var spec_ = spec.Regions.Single(r => r.Name == region.Name);
            AssertImage(region.Etcd.Resource, images.Etcd);
            AssertImage(region.Redis.Resource, images.Redis);
            AssertImage(region.Storage.Resource, images.Minio);
            AssertImage(region.Bucket.Resource, images.MinioClient);
            AssertImage(region.Ingress.Resource, images.Traefik);
            Assert.All(region.OdooNodes, n => AssertImage(n.Resource, images.Odoo));
            Assert.Equal(spec_.OdooNodes, region.OdooNodes.Count);
            Assert.Equal(
                spec.IsPatroni ? spec.PatroniNodes(spec_)
                    : spec.Tenants.Count > 0 ? spec.PrimaryServersIn(spec_.Name) + spec.DrReplicasIn(spec_.Name).Count
                    : spec_.DatabaseReplicas + (region == firstRegion ? 1 : 0),
                region.DatabaseNodes.Count);
            Assert.Equal(spec.TenantsIn(region.Name).Count > 0, region.TenantRouter is not null);

            // Patroni nodes: built from the Dockerfile on the pinned PostgreSQL, secrets in the environment, data in a run volume.
            foreach (var node in region.DatabaseNodes)
            {
                AssertImage(node.Resource, images.Postgres);
                var build = node.Resource.Annotations.OfType<DockerfileBuildAnnotation>().Single();
                Assert.True(File.Exists(build.DockerfilePath), build.DockerfilePath);
                Assert.True(File.Exists(Path.Combine(build.ContextPath, "entrypoint.sh")));
                Assert.True(File.Exists(Path.Combine(build.ContextPath, "post-bootstrap.sh")));
                Assert.Equal(images.Postgres.Reference, build.BuildArguments["POSTGRES_IMAGE"]);
                Assert.Equal(PatroniContainerImages.PatroniVersion, build.BuildArguments["PATRONI_VERSION"]);
                var environment = await EnvironmentAsync(node.Resource);
                Assert.Equal("odoo", environment["SIM_ODOO_DB_USER"]);
                Assert.Matches("^[0-9a-f]{24}$", environment["SIM_REPLICATION_PASSWORD"]);
                Assert.False(string.IsNullOrEmpty(environment["POSTGRES_PASSWORD"]));
                AssertRunVolume(node.Resource, run, "/var/lib/postgresql/data");
                var patroni = Parse(node.Resource.GeneratedFile("/etc/patroni/patroni.yml")!);
                Assert.Equal(node.Resource.Name, Text(patroni["name"]));
                Assert.Equal("10", Text(patroni["bootstrap"]["dcs"]["ttl"]));
                Assert.Equal("2", Text(patroni["bootstrap"]["dcs"]["loop_wait"]));
                Assert.Equal("/usr/lib/postgresql/17/bin", Text(patroni["postgresql"]["bin_dir"]));
                Assert.Contains("etcd", ((YamlMappingNode)patroni).Children.Keys.Select(k => Text(k)));
                Assert.Contains(region.Etcd.Resource, WaitsOn(node.Resource, WaitType.WaitUntilHealthy));
                if (node != firstNode && spec.Tenants.Count == 0)
                {
                    Assert.Contains(firstNode.Resource, WaitsOn(node.Resource, WaitType.WaitUntilHealthy));
                }
            }

            // etcd: v2 API for Patroni's etcd: client, every member in the initial cluster (under warm standby and with
            // tenants, each region's clusters on an etcd of its own).
            var etcdArgs = await ArgsAsync(region.Etcd.Resource);
            Assert.Contains("--enable-v2=true", etcdArgs);
            IReadOnlyList<ContainerRegionResources> etcdMembers = spec.ClustersStayInRegion ? [region] : topology.Regions;
            Assert.Equal(
                "--initial-cluster=" + string.Join(",", etcdMembers.Select(r => $"{r.Etcd.Resource.Name}=http://")),
                Regex.Replace(etcdArgs.Single(a => a.StartsWith("--initial-cluster=", StringComparison.Ordinal)), "http://[^,]+", "http://"));
            AssertRunVolume(region.Etcd.Resource, run, "/etcd-data");
            Assert.Empty(WaitsOn(region.Etcd.Resource, WaitType.WaitUntilHealthy));

            // Redis through Aspire's integration, without persistence.
            var redisArgs = await ArgsAsync(region.Redis.Resource);
            Assert.Equal(["--save", string.Empty, "--appendonly", "no"], redisArgs.TakeLast(4));

            // MinIO and its bucket.
            AssertRunVolume(region.Storage.Resource, run, "/data");
            Assert.Equal(["mb", "--ignore-existing", "sim/odoo-attachments"], await ArgsAsync(region.Bucket.Resource));
            Assert.Contains(region.Storage.Resource, WaitsOn(region.Bucket.Resource, WaitType.WaitUntilHealthy));
            var bucketEnvironment = await EnvironmentAsync(region.Bucket.Resource);
            Assert.Equal(
                $"http://{region.Storage.Resource.AccessKey}:{region.Storage.Resource.SecretKey}@{region.Storage.Resource.Name}:9000",
                bucketEnvironment["MC_HOST_sim"]);

            // Traefik: entry points, its routes file, HTTP to this region's Odoo nodes.
            var traefikArgs = await ArgsAsync(region.Ingress.Resource);
            Assert.Contains("--entryPoints.http.address=:80", traefikArgs);
            Assert.Contains("--entryPoints.postgres.address=:5432", traefikArgs);
            Assert.Contains("--providers.file.directory=/etc/traefik/dynamic", traefikArgs);
            var routes = Parse(region.Ingress.Resource.GeneratedFile("/etc/traefik/dynamic/routes.yml")!);
            Assert.Equal(
                region.OdooNodes.Select(n => $"http://{n.Resource.Name}:8069"),
                ((YamlSequenceNode)routes["http"]["services"]["odoo"]["loadBalancer"]["servers"]).Select(s => Text(s["url"])));
            // With tenants every server leads its own cluster: the route holds the region's first (its default tenant's) only.
            Assert.Equal(
                (spec.Tenants.Count > 0 ? region.DatabaseNodes.Take(1) : topology.Regions.SelectMany(r => r.DatabaseNodes)).Select(n => n.Resource.Name + "-primary"),
                ((YamlSequenceNode)routes["tcp"]["services"]["postgres-primary"]["weighted"]["services"]).Select(s => Text(s["name"])));
            Assert.Empty(WaitsOn(region.Ingress.Resource, WaitType.WaitUntilHealthy));

            // Odoo: configuration through odoo.conf, writes through the region's ingress (with tenants, its tenant
            // router), after the database exists.
            foreach (var node in region.OdooNodes)
            {
                var conf = OdooConf(node.Resource);
                Assert.Equal(region.TenantRouter?.Resource.Name ?? region.Ingress.Resource.Name, conf["db_host"]);
                Assert.Equal(region.TenantRouter is null ? "5432" : "6432", conf["db_port"]);
                Assert.Equal("odoo", conf["db_user"]);
                Assert.Equal(spec.Tenants.Count > 0 ? string.Join(",", spec.TenantsIn(region.Name).Select(t => t.Name)) : topology.Credentials.Database, conf["db_name"]);
                Assert.Equal($"{spec_.OdooWorkers ?? 2}", conf["workers"]);
                Assert.Equal("32", conf["db_maxconn"]);
                Assert.Equal("120", conf["limit_time_real"]);
                Assert.Equal("False", conf["list_db"]);
                Assert.Equal("True", conf["proxy_mode"]);
                Assert.False(conf.ContainsKey("db_replica_host"), "Odoo 17 has no db_replica_host");
                Assert.Equal(RunVolumes.Name(run, "odoo", "filestore"), Mounts(node.Resource).Single(m => m.Target == "/var/lib/odoo").Source);
                Assert.Contains(topology.OdooInit.Resource, WaitsOn(node.Resource, WaitType.WaitForCompletion));
                Assert.Contains(region.Ingress.Resource, WaitsOn(node.Resource, WaitType.WaitUntilHealthy));
            }
        }

        // The database is created once, through the first region's ingress, with the modules and the seed.
        var init = topology.OdooInit.Resource;
        AssertImage(init, images.Odoo);
        var initArgs = await ArgsAsync(init);
        Assert.Equal("-c", initArgs[0]);
        Assert.Contains($"-i sale_management,stock --without-demo=all --stop-after-init", initArgs[1], StringComparison.Ordinal);
        Assert.Contains("odoo shell", initArgs[1], StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(OdooContainerBuilderExtensions.SeedScript), init.GeneratedFile("/opt/simulator/seed.py"));
        var initEnvironment = await EnvironmentAsync(init);
        Assert.Equal(topology.Credentials.Password, initEnvironment["SIM_ODOO_PASSWORD"]);
        Assert.Equal(string.Join(",", spec.Regions.Select(r => r.Name)), initEnvironment["SIM_REGIONS"]);
        // With tenants, every region's tenant servers too (each database is created straight on its server).
        Assert.Equal(
            (spec.Tenants.Count > 0
                ? topology.Regions.SelectMany(r => r.DatabaseNodes.Take(spec.PrimaryServersIn(r.Name)))
                : firstRegion.DatabaseNodes.Take(1)).Select(n => n.Resource.Name)
                .Append(firstRegion.Ingress.Resource.Name).Order(StringComparer.Ordinal),
            WaitsOn(init, WaitType.WaitUntilHealthy).Select(r => r.Name).Order(StringComparer.Ordinal));
    }

    // Aspire marks these obsolete in favour of ExecutionConfigurationBuilder, which needs a running
    // application's execution context; for reading a model that was never started they are what Aspire's own tests use.
#pragma warning disable CS0618
    internal static async Task<string[]> ArgsAsync(IResourceWithArgs resource) => await resource.GetArgumentValuesAsync();

    internal static async Task<Dictionary<string, string>> EnvironmentAsync(IResourceWithEnvironment resource) =>
        await resource.GetEnvironmentVariableValuesAsync();
#pragma warning restore CS0618

    internal static void AssertImage(IResource resource, ContainerImage image)
    {
        var annotation = resource.Annotations.OfType<ContainerImageAnnotation>().Last();
        Assert.Equal((image.Registry, image.Image, image.Tag), (annotation.Registry, annotation.Image, annotation.Tag));
    }

    private static void AssertRunVolume(IResource resource, RunDirectory run, string target)
    {
        var mount = Mounts(resource).Single(m => m.Target == target);
        Assert.Equal(ContainerMountType.Volume, mount.Type);
        Assert.Equal(RunVolumes.Name(run, resource.Name, "data"), mount.Source);
        Assert.StartsWith(RunVolumes.PrefixOf(run), mount.Source, StringComparison.Ordinal);
    }

    private static IEnumerable<ContainerMountAnnotation> Mounts(IResource resource) =>
        resource.Annotations.OfType<ContainerMountAnnotation>();

    internal static IEnumerable<IResource> WaitsOn(IResource resource, WaitType type) =>
        resource.Annotations.OfType<WaitAnnotation>().Where(w => w.WaitType == type).Select(w => w.Resource);

    internal static Dictionary<string, string> OdooConf(IResource node) =>
        node.GeneratedFile("/etc/odoo/odoo.conf")!
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.Contains(" = ", StringComparison.Ordinal))
            .Select(l => l.Split(" = ", 2))
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
}
