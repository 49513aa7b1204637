using Aspire.Hosting.ApplicationModel;
using Simulator.AppHost.ControlRoom;
using Simulator.AppHost.Integrations.FaultProxy;
using Simulator.AppHost.Integrations.HAProxy;
using Simulator.AppHost.Integrations.Patroni;
using Simulator.AppHost.Integrations.Postgres;
using Simulator.AppHost.Native;
using Simulator.AppHost.Topology;

namespace Simulator.AppHost.Tests.Topology;

/// <summary>The app model of a topology, built without starting anything.</summary>
public sealed class NativeTopologyModelTests
{
    [Fact]
    public void Creates_exactly_the_resources_the_catalog_names_with_proxyless_endpoints_and_health_checks()
    {
        using var run = RunDirectory.Create(TimeProvider.System);
        var builder = TestingBuilders.Create();
        var topology = builder.AddNativeTopology(TopologyCatalog.SingleRegionHa, run, RunSecrets.NewOdooCredentials());

        var ours = topology.AllResources().ToList();
        Assert.Equal(TopologyCatalog.SingleRegionHa.ResourceNames(), ours.Select(r => r.Name));
        foreach (var resource in ours)
        {
            Assert.True(resource.TryGetAnnotationsOfType<HealthCheckAnnotation>(out _), $"{resource.Name} has no health check");
            var endpoints = resource.Annotations.OfType<EndpointAnnotation>().ToList();
            Assert.NotEmpty(endpoints);
            Assert.All(endpoints, e => Assert.False(e.IsProxied, $"{resource.Name}:{e.Name} is proxied"));
        }
    }

    [Fact]
    public void Start_order_follows_the_dependencies()
    {
        using var run = RunDirectory.Create(TimeProvider.System);
        var builder = TestingBuilders.Create();
        var topology = builder.AddNativeTopology(TopologyCatalog.SingleRegionHa, run, RunSecrets.NewOdooCredentials());
        var region = topology.Region("eu");

        Assert.Equal([region.Primary!.Resource.Name], WaitsOn(region.Replicas[0].Resource));
        // Odoo nodes: the primary, the region's read replica, Redis for sessions, S3 for attachments.
        Assert.NotNull(region.ObjectStorage);
        Assert.All(region.OdooNodes, n => Assert.Equal(
            new[] { region.Primary.Resource.Name, region.Replicas[0].Resource.Name, region.Redis.Resource.Name, region.ObjectStorage.Resource.Name }
                .Order(StringComparer.Ordinal),
            WaitsOn(n.Resource).Order(StringComparer.Ordinal)));
        Assert.Empty(WaitsOn(region.ObjectStorage.Resource));
        Assert.StartsWith(run.Folder, region.ObjectStorage.Resource.DataDirectory, StringComparison.Ordinal);
        Assert.Equal(region.OdooNodes.Select(n => n.Resource.Name), WaitsOn(region.Ingress.Resource).Order(StringComparer.Ordinal));
        Assert.Equal(PostgresRole.Replica, region.Replicas[0].Resource.Role);
        Assert.IsType<HAProxyResource>(region.Ingress.Resource);
        Assert.True(File.Exists(region.Ingress.Resource.ConfigFile));
    }

    [Fact]
    public void Two_region_puts_every_connection_into_eu_through_the_fault_proxy_and_nothing_else()
    {
        using var run = RunDirectory.Create(TimeProvider.System);
        var builder = TestingBuilders.Create();
        var topology = builder.AddNativeTopology(TopologyCatalog.TwoRegion, run, RunSecrets.NewOdooCredentials());

        Assert.Equal(TopologyCatalog.TwoRegion.ResourceNames(), topology.AllResources().Select(r => r.Name));
        var proxy = Assert.IsType<FaultProxyResource>(topology.FaultProxy?.Resource);
        var link = Assert.Single(proxy.Links);
        Assert.Equal(TopologyCatalog.TwoRegion.LinkNames(), proxy.Links.Select(l => l.Name));
        var eu = topology.Region("eu");
        var us = topology.Region("us");
        Assert.Same(eu.Primary!.Resource, link.Upstream.Resource);
        Assert.Same(proxy, link.Listen.Resource);
        Assert.All(proxy.Annotations.OfType<EndpointAnnotation>(), e => Assert.False(e.IsProxied));

        // us clients of the primary wait for it and for the proxy; eu clients only for the primary.
        Assert.Equal([eu.Primary.Resource.Name, proxy.Name], WaitsOn(us.Replicas[0].Resource));
        Assert.All(us.OdooNodes, n => Assert.Equal(
            [eu.Primary.Resource.Name, proxy.Name, us.Replicas[0].Resource.Name, us.Redis.Resource.Name, us.ObjectStorage!.Resource.Name],
            WaitsOn(n.Resource).Order(StringComparer.Ordinal)));
        Assert.All(eu.OdooNodes, n => Assert.DoesNotContain(proxy.Name, WaitsOn(n.Resource)));
        Assert.DoesNotContain(proxy.Name, WaitsOn(eu.Replicas[0].Resource));
        Assert.Empty(WaitsOn(proxy));
    }

    [Fact]
    public void Single_primary_multi_replica_runs_patroni_and_routes_every_cross_region_connection_through_the_proxy()
    {
        using var run = RunDirectory.Create(TimeProvider.System);
        var spec = TopologyCatalog.SinglePrimaryMultiReplica;
        var topology = TestingBuilders.Create().AddNativeTopology(spec, run, RunSecrets.NewOdooCredentials());

        var ours = topology.AllResources().ToList();
        Assert.Equal(spec.ResourceNames(), ours.Select(r => r.Name));
        foreach (var resource in ours)
        {
            Assert.True(resource.TryGetAnnotationsOfType<HealthCheckAnnotation>(out _), $"{resource.Name} has no health check");
            Assert.All(resource.Annotations.OfType<EndpointAnnotation>(), e => Assert.False(e.IsProxied, $"{resource.Name}:{e.Name} is proxied"));
        }

        var proxy = Assert.IsType<FaultProxyResource>(topology.FaultProxy?.Resource);
        Assert.Equal(
            spec.LinkNames().Select(l => l.ToString()).Order(StringComparer.Ordinal),
            proxy.Links.Select(l => l.Name.ToString()).Order(StringComparer.Ordinal));
        var cluster = Assert.IsType<PatroniCluster>(topology.Patroni);
        Assert.Equal(PatroniReplication.Sync, cluster.Options.Replication);
        Assert.Throws<InvalidOperationException>(() => topology.Primary);

        var eu = topology.Region("eu");
        foreach (var region in topology.Regions)
        {
            Assert.Equal($"{region.Name}-pg-1", region.PatroniNode!.Resource.Name);
            Assert.Equal($"{region.Name}-etcd", region.Etcd!.Resource.Name);
            var router = region.DatabaseRouter!.Resource;
            Assert.Equal(region.Name, router.Region);
            // The router waits for every node; every node for every etcd member, and the others for eu's (it bootstraps).
            Assert.Equal(["apac-pg-1", "eu-pg-1", "us-pg-1"], WaitsOn(router).Order(StringComparer.Ordinal));
            Assert.Equal(
                region.Name == "eu" ? ["apac-etcd", "eu-etcd", "us-etcd"] : ["apac-etcd", "eu-etcd", "eu-pg-1", "us-etcd"],
                WaitsOn(region.PatroniNode.Resource).Order(StringComparer.Ordinal));
            // One Odoo node, writing and reading through the region's own router (never straight to a node or link).
            var odoo = Assert.Single(region.OdooNodes);
            Assert.Equal(
                new[] { router.Name, region.Redis.Resource.Name, region.ObjectStorage!.Resource.Name }.Order(StringComparer.Ordinal),
                WaitsOn(odoo.Resource).Order(StringComparer.Ordinal));
            Assert.Equal([odoo.Resource.Name], WaitsOn(region.Ingress.Resource));
            // The topology's Patroni tags reach each node's own configuration: apac is never the synchronous standby.
            Assert.EndsWith(
                $"tags:\n  nofailover: false\n  nosync: {(region.Name == "apac" ? "true" : "false")}\n",
                File.ReadAllText(region.PatroniNode.Resource.ConfigFile),
                StringComparison.Ordinal);
        }

        Assert.Empty(WaitsOn(eu.Etcd!.Resource));
        Assert.Empty(WaitsOn(proxy));
    }

    [Fact]
    public void Warm_standby_dr_runs_an_active_cluster_in_eu_and_a_standby_cluster_in_us_streaming_through_the_proxy()
    {
        using var run = RunDirectory.Create(TimeProvider.System);
        var spec = TopologyCatalog.WarmStandbyDr;
        var topology = TestingBuilders.Create().AddNativeTopology(spec, run, RunSecrets.NewOdooCredentials());

        var ours = topology.AllResources().ToList();
        Assert.Equal(spec.ResourceNames(), ours.Select(r => r.Name));
        Assert.All(ours, r => Assert.True(r.TryGetAnnotationsOfType<HealthCheckAnnotation>(out _), $"{r.Name} has no health check"));
        var proxy = Assert.IsType<FaultProxyResource>(topology.FaultProxy?.Resource);
        Assert.Equal(
            spec.LinkNames().Select(l => l.ToString()).Order(StringComparer.Ordinal),
            proxy.Links.Select(l => l.Name.ToString()).Order(StringComparer.Ordinal));

        // Two clusters, each with its own etcd and scope; eu's two nodes reach each other straight (no link), and the
        // us standby streams from eu-pg-1 through us->eu:postgres, the link us's router reaches that node by.
        var cluster = Assert.IsType<PatroniCluster>(topology.Patroni);
        Assert.Equal(["eu-pg-1", "eu-pg-2"], cluster.Nodes.Select(n => n.Resource.Name));
        Assert.Equal(["eu-etcd"], cluster.Etcd.Members.Select(m => m.Resource.Name));
        var standby = Assert.Single(cluster.Standbys);
        Assert.Same(standby, cluster.StandbyIn("us"));
        Assert.Null(cluster.StandbyIn("eu"));
        Assert.Equal(["us-pg-1"], standby.Nodes.Select(n => n.Resource.Name));
        Assert.Equal(["us-etcd"], standby.Etcd.Members.Select(m => m.Resource.Name));
        Assert.NotEqual(cluster.Options.Scope, standby.Options.Scope);
        Assert.Equal(PatroniReplication.Sync, cluster.Options.Replication);
        Assert.Equal(["eu-pg-1", "eu-pg-2", "us-pg-1"], cluster.AllNodes.Select(n => n.Resource.Name));
        var source = proxy.Links.Single(l => l.Name.ToString() == "us->eu:postgres");
        Assert.Same(cluster.Nodes[0].Resource, source.Upstream.Resource);
        Assert.Equal(["eu-etcd", "eu-pg-1"], WaitsOn(cluster.Nodes[1].Resource).Order(StringComparer.Ordinal));
        Assert.Equal(["eu-pg-1", "fault-proxy", "us-etcd"], WaitsOn(standby.Nodes[0].Resource).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(proxy.Links, l => l.Name.To == l.Name.From || l.Name.IsFromAnyRegion);

        // The standby's configuration is rendered at start, when the link's port is known: none is in it yet.
        Assert.DoesNotContain("standby_cluster", File.ReadAllText(standby.Nodes[0].Resource.ConfigFile), StringComparison.Ordinal);

        var eu = topology.Region("eu");
        Assert.Equal("eu-pg-1", eu.PatroniNode!.Resource.Name);
        Assert.Equal(["eu-pg-2"], eu.MorePatroniNodes.Select(n => n.Resource.Name));
        Assert.Equal("us-etcd", topology.Region("us").Etcd!.Resource.Name);
        foreach (var region in topology.Regions)
        {
            // Every router knows all three nodes (writes go to whichever runs as a primary) and reads through /read-only,
            // which a standby cluster's leader answers.
            var router = region.DatabaseRouter!.Resource;
            Assert.Equal(["eu-pg-1", "eu-pg-2", "us-pg-1"], WaitsOn(router).Order(StringComparer.Ordinal));
            var config = File.ReadAllText(router.ConfigFile);
            Assert.Contains("OPTIONS /read-only", config, StringComparison.Ordinal);
            Assert.Contains("server us-pg-1", config, StringComparison.Ordinal);
            Assert.Single(region.OdooNodes);
        }
    }

    [Fact]
    public void Dedicated_tenant_gives_each_tenant_a_primary_server_and_the_odoo_nodes_wait_for_both()
    {
        using var run = RunDirectory.Create(TimeProvider.System);
        var topology = TestingBuilders.Create().AddNativeTopology(TopologyCatalog.DedicatedTenant, run, RunSecrets.NewOdooCredentials());
        var region = topology.Region("eu");

        Assert.Equal(TopologyCatalog.DedicatedTenant.ResourceNames(), topology.AllResources().Select(r => r.Name));
        Assert.Equal(("eu-pg-1", "eu-pg-2"), (topology.TenantServers["acme"].Resource.Name, topology.TenantServers["globex"].Resource.Name));
        Assert.Equal(["acme"], topology.TenantServers["acme"].Resource.Databases);
        // The first tenant is the default database workloads without tenant: log into.
        Assert.Equal("acme", topology.Credentials.Database);
        Assert.All(region.OdooNodes, n => Assert.Equal(
            ["eu-pg-1", "eu-pg-2", "eu-redis", "eu-s3"], WaitsOn(n.Resource).Distinct().Order(StringComparer.Ordinal)));
        Assert.Throws<KeyNotFoundException>(() => topology.PrimaryConnectionString("initech"));

        var shared = TestingBuilders.Create().AddNativeTopology(TopologyCatalog.MultiTenantShared, run, RunSecrets.NewOdooCredentials());
        Assert.Same(shared.TenantServers["acme"], shared.TenantServers["globex"]);
        Assert.Equal(["acme", "globex"], shared.Primary.Resource.Databases);
    }

    [Fact]
    public async Task Regional_segmented_gives_each_region_its_own_tenant_s_primary_and_odoo_nodes_and_a_dr_replica_of_the_other_through_the_proxy()
    {
        using var run = RunDirectory.Create(TimeProvider.System);
        var spec = TopologyCatalog.RegionalSegmented;
        var topology = TestingBuilders.Create().AddNativeTopology(spec, run, RunSecrets.NewOdooCredentials());
        var eu = topology.Region("eu");
        var us = topology.Region("us");

        Assert.Equal(spec.ResourceNames(), topology.AllResources().Select(r => r.Name));
        var euPrimary = Assert.IsType<IResourceBuilder<NativePostgresResource>>(eu.Primary, exactMatch: false);
        var usPrimary = Assert.IsType<IResourceBuilder<NativePostgresResource>>(us.Primary, exactMatch: false);
        Assert.Same(euPrimary, topology.TenantServers["acme"]);
        Assert.Same(usPrimary, topology.TenantServers["globex"]);
        Assert.Equal(["acme"], euPrimary.Resource.Databases);
        Assert.Equal(["globex"], usPrimary.Resource.Databases);

        // Each region's DR replica copies the other region's primary, reaching it through the proxy only.
        var proxy = Assert.IsType<FaultProxyResource>(topology.FaultProxy?.Resource);
        Assert.Equal(spec.LinkNames(), proxy.Links.Select(l => l.Name));
        var euReplica = Assert.Single(eu.Replicas).Resource;
        var usReplica = Assert.Single(us.Replicas).Resource;
        Assert.Equal((PostgresRole.Replica, PostgresRole.Replica), (euReplica.Role, usReplica.Role));
        Assert.Equal((usPrimary.Resource, euPrimary.Resource), (euReplica.Source, usReplica.Source));
        Assert.Equal([usPrimary.Resource.Name, proxy.Name], WaitsOn(euReplica));
        Assert.Equal([euPrimary.Resource.Name, proxy.Name], WaitsOn(usReplica));
        Assert.Same(euPrimary.Resource, proxy.Links.Single(l => l.Name.ToString() == "us->eu:postgres").Upstream.Resource);
        Assert.Same(usPrimary.Resource, proxy.Links.Single(l => l.Name.ToString() == "eu->us:postgres").Upstream.Resource);

        // Data residency: a region's Odoo nodes wait for and serve its own tenant only, never the proxy or the other primary.
        foreach (var (region, primary, tenant, other) in new[] { (eu, euPrimary, "acme", "globex"), (us, usPrimary, "globex", "acme") })
        {
            foreach (var node in region.OdooNodes)
            {
                Assert.Equal(
                    [primary.Resource.Name, $"{region.Name}-redis", $"{region.Name}-s3"],
                    WaitsOn(node.Resource).Distinct().Order(StringComparer.Ordinal));
                var environment = await UnresolvedEnvironmentAsync(node.Resource);
                Assert.Equal(tenant, environment["Odoo__DatabaseName"]);
                Assert.Contains($"Odoo__Tenants__{tenant}", environment.Keys);
                Assert.DoesNotContain($"Odoo__Tenants__{other}", environment.Keys);
                Assert.DoesNotContain("Odoo__DbReplica", environment.Keys);
            }
        }
    }

    /// <summary>
    /// The environment a resource's callbacks set, values left unresolved (a connection string's ports are allocated
    /// only at start): enough to see which variables are set, and plain strings' values.
    /// </summary>
    private static async Task<Dictionary<string, object>> UnresolvedEnvironmentAsync(ProjectResource resource)
    {
        var context = new EnvironmentCallbackContext(new Aspire.Hosting.DistributedApplicationExecutionContext(Aspire.Hosting.DistributedApplicationOperation.Run));
        foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(context);
        }

        return context.EnvironmentVariables.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
    }

    [Fact]
    public void A_single_region_topology_has_no_fault_proxy()
    {
        using var run = RunDirectory.Create(TimeProvider.System);
        var topology = TestingBuilders.Create().AddNativeTopology(TopologyCatalog.SingleRegionHa, run, RunSecrets.NewOdooCredentials());

        Assert.Null(topology.FaultProxy);
    }

    [Fact]
    public void The_control_room_groups_each_region_s_nodes_under_it_and_the_fault_proxy_under_the_topology()
    {
        using var run = RunDirectory.Create(TimeProvider.System);
        var builder = TestingBuilders.Create();
        var topology = builder.AddNativeTopology(TopologyCatalog.TwoRegion, run, RunSecrets.NewOdooCredentials());
        var room = builder.AddControlRoom(topology, new ControlRoomLog(TimeProvider.System));

        Assert.Equal(TopologyCatalog.TwoRegion.Name, room.Topology.Resource.Name);
        Assert.Equal(["eu", "us"], room.Regions.Select(r => r.Resource.Name));
        Assert.Equal(room.Topology.Resource.Name, ParentOf(topology.FaultProxy!.Resource));
        foreach (var region in topology.Regions)
        {
            Assert.All(region.All(), r => Assert.Equal(region.Name, ParentOf(r)));
        }

        // A replica's parent was its primary; it still points at it, by another relationship.
        Assert.All(topology.AllResources().OfType<NativePostgresResource>().Where(n => n.Role == PostgresRole.Replica), n => Assert.Equal(
            "eu-pg-1",
            Assert.Single(n.Annotations.OfType<ResourceRelationshipAnnotation>(), a => a.Type == ControlRoomBuilderExtensions.ReplicaOfRelationship).Resource.Name));
        // Every resource of the topology has exactly one parent; the groups themselves are top level.
        Assert.All(topology.AllResources(), r => Assert.Single(r.Annotations.OfType<ResourceRelationshipAnnotation>(), a => a.Type == ControlRoomBuilderExtensions.ParentRelationship));
        Assert.All(room.Regions.Select(r => r.Resource).Append<IResource>(room.Topology.Resource), r => Assert.Null(ParentOf(r)));

        // Both regions have a link (us->eu:postgres), so both get the network commands; database nodes get process faults.
        Assert.All(room.Regions, r => Assert.Equal(
            [ControlRoomCommands.Isolate, ControlRoomCommands.AddLatency, ControlRoomCommands.Heal], CommandsOf(r.Resource)));
        Assert.Equal([ControlRoomCommands.StartLoad, ControlRoomCommands.StopLoad, ControlRoomCommands.HealAll], CommandsOf(room.Topology.Resource));
        var databases = topology.AllResources().OfType<NativePostgresResource>().ToList();
        Assert.Equal(3, databases.Count);
        Assert.All(databases, d => Assert.Equal(
            [ControlRoomCommands.Kill, ControlRoomCommands.Freeze, ControlRoomCommands.Thaw], CommandsOf(d).Intersect(DatabaseCommands)));
        Assert.All(topology.AllResources().Except(databases), r => Assert.Empty(CommandsOf(r).Intersect(DatabaseCommands)));
        Assert.Equal(["primary", "replica"], topology.Region("eu").All().OfType<NativePostgresResource>().Select(ResourceRoles.Of));
        Assert.Equal("ingress", ResourceRoles.Of(topology.Region("us").Ingress.Resource));
        Assert.Equal("odoo", ResourceRoles.Of(topology.Region("us").OdooNodes[0].Resource));
    }

    [Fact]
    public void A_single_region_control_room_offers_no_network_commands()
    {
        using var run = RunDirectory.Create(TimeProvider.System);
        var builder = TestingBuilders.Create();
        var topology = builder.AddNativeTopology(TopologyCatalog.SingleRegionHa, run, RunSecrets.NewOdooCredentials());
        var room = builder.AddControlRoom(topology, new ControlRoomLog(TimeProvider.System));

        var eu = Assert.Single(room.Regions);
        Assert.Empty(CommandsOf(eu.Resource));
        Assert.All(topology.Region("eu").All(), r => Assert.Equal("eu", ParentOf(r)));
    }

    private static readonly string[] DatabaseCommands = [ControlRoomCommands.Kill, ControlRoomCommands.Freeze, ControlRoomCommands.Thaw];

    private static string? ParentOf(IResource resource) =>
        resource.Annotations.OfType<ResourceRelationshipAnnotation>().SingleOrDefault(a => a.Type == ControlRoomBuilderExtensions.ParentRelationship)?.Resource.Name;

    private static IEnumerable<string> CommandsOf(IResource resource) =>
        resource.Annotations.OfType<ResourceCommandAnnotation>().Select(c => c.Name).Where(n => n.StartsWith("sim-", StringComparison.Ordinal));

    private static IEnumerable<string> WaitsOn(IResource resource) =>
        resource.Annotations.OfType<WaitAnnotation>().Select(w => w.Resource.Name);
}
