using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Simulator.AppHost.Integrations.Containers;
using Simulator.AppHost.Integrations.Odoo;
using Simulator.AppHost.Integrations.Postgres;
using Simulator.AppHost.Integrations.Toxiproxy;
using Simulator.AppHost.Native;
using Simulator.AppHost.Topology;
using YamlDotNet.RepresentationModel;
using static Simulator.AppHost.Tests.Containers.ContainerTopologyModelTests;
using static Simulator.AppHost.Tests.Containers.TraefikDynamicConfigTests;

namespace Simulator.AppHost.Tests.Containers;

/// <summary>
/// <c>regional-segmented</c> in containers mode, built without starting anything, against its native form
/// (<c>NativeTopologyBuilder.Tenants.cs</c>): acme's server in eu and globex's in us, each a Patroni cluster of its own
/// on its region's etcd, each copied by a disaster-recovery standby cluster in the other region through the Toxiproxy
/// link named as natively, and each region's Odoo serving its own tenant only, through its region's tenant router.
/// </summary>
public sealed class RegionalSegmentedContainerModelTests
{
    [Fact]
    public async Task Each_region_leads_its_own_tenant_and_streams_a_dr_copy_of_it_to_the_other_through_the_native_link()
    {
        using var run = RunDirectory.Create(TimeProvider.System);
        var builder = TestingBuilders.Create();
        var spec = TopologyCatalog.RegionalSegmented;
        var topology = builder.AddContainerTopology(spec, run, RunSecrets.NewOdooCredentials(), ContainerTopologyOptions.Default);
        var eu = topology.Region("eu");
        var us = topology.Region("us");
        var proxy = Assert.IsType<ToxiproxyContainerResource>(topology.FaultProxy?.Resource);
        var scope = topology.PatroniSettings.Scope;

        // Names as natively: each region's tenant server first, then its DR replica of the other region's.
        Assert.Equal(["eu-pg-1", "eu-pg-2"], eu.DatabaseNodes.Select(n => n.Resource.Name));
        Assert.Equal(["us-pg-1", "us-pg-2"], us.DatabaseNodes.Select(n => n.Resource.Name));
        Assert.Equal(
            [("acme", "eu-pg-1"), ("globex", "us-pg-1")],
            topology.TenantServers.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => (t.Key, t.Value.Name)));
        Assert.Equal("acme", topology.Credentials.Database);

        // The only cross-region connections are the DR streams, on the links the native runtime names (and fault targets
        // are checked against): us->eu:postgres to eu-pg-1, eu->us:postgres to us-pg-1. No etcd, Patroni or ingress link.
        var links = topology.Links.ToDictionary(l => l.Name);
        Assert.Equal(spec.LinkNames().Select(l => l.ToString()).Order(StringComparer.Ordinal), links.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["eu->us:postgres", "us->eu:postgres"], links.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("eu-pg-1:5432", links["us->eu:postgres"].Upstream.ToString());
        Assert.Equal("us-pg-1:5432", links["eu->us:postgres"].Upstream.ToString());
        var proxies = System.Text.Json.JsonDocument.Parse(proxy.GeneratedFile("/etc/toxiproxy/proxies.json")!).RootElement;
        Assert.Equal(
            ["eu->us:postgres", "us->eu:postgres"],
            proxies.EnumerateArray().Select(p => p.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        Assert.All(links.Values, l => Assert.Contains(proxy.Annotations.OfType<EndpointAnnotation>(), e => e.Name == l.EndpointName && e.TargetPort == l.Listen));

        // Each region's etcd is a cluster of one: a cut between the regions leaves both primaries their DCS.
        foreach (var region in topology.Regions)
        {
            var args = await ArgsAsync(region.Etcd.Resource);
            Assert.Contains($"--initial-cluster={region.Etcd.Resource.Name}=http://{region.Etcd.Resource.Name}:2380", args);
            Assert.Contains($"--initial-cluster-token=sim-{run.Id}-{region.Name}", args);
            Assert.Empty(WaitsOn(region.Etcd.Resource, WaitType.WaitUntilHealthy));
        }

        // The tenant servers: clusters of their own (scopes sim and sim-us), their region's etcd straight, addresses
        // advertised straight, no standby section; they wait for their etcd only.
        var servers = new[] { (Node: eu.DatabaseNodes[0], Scope: scope, Etcd: "eu-etcd"), (Node: us.DatabaseNodes[0], Scope: scope + "-us", Etcd: "us-etcd") };
        foreach (var (node, serverScope, etcd) in servers)
        {
            var patroni = Parse(node.Resource.GeneratedFile("/etc/patroni/patroni.yml")!);
            Assert.Equal(serverScope, Text(patroni["scope"]));
            Assert.Equal($"{etcd}:2379", Text(patroni["etcd"]["hosts"]));
            Assert.Equal($"{node.Resource.Name}:5432", Text(patroni["postgresql"]["connect_address"]));
            Assert.Equal($"{node.Resource.Name}:8008", Text(patroni["restapi"]["connect_address"]));
            Assert.False(((YamlMappingNode)patroni["bootstrap"]["dcs"]).Children.ContainsKey("standby_cluster"));
            Assert.Equal([etcd], WaitsOn(node.Resource, WaitType.WaitUntilHealthy).Select(r => r.Name));
        }

        // The DR replicas: standby clusters (scope <server's>-dr) on their own region's etcd, cloning and following the
        // other region's server through the link's listener in the Toxiproxy container, started once that server and
        // the proxy are healthy. Same replication secret as the server they copy (its replicator role).
        var replicas = new[]
        {
            (Node: us.DatabaseNodes[1], Scope: scope + "-dr", Etcd: "us-etcd", Link: "us->eu:postgres", Source: "eu-pg-1"),
            (Node: eu.DatabaseNodes[1], Scope: scope + "-us-dr", Etcd: "eu-etcd", Link: "eu->us:postgres", Source: "us-pg-1"),
        };
        foreach (var (node, replicaScope, etcd, link, source) in replicas)
        {
            var patroni = Parse(node.Resource.GeneratedFile("/etc/patroni/patroni.yml")!);
            Assert.Equal(replicaScope, Text(patroni["scope"]));
            Assert.Equal(node.Resource.Name, Text(patroni["name"]));
            Assert.Equal($"{etcd}:2379", Text(patroni["etcd"]["hosts"]));
            Assert.Equal($"{node.Resource.Name}:5432", Text(patroni["postgresql"]["connect_address"]));
            var standby = patroni["bootstrap"]["dcs"]["standby_cluster"];
            Assert.Equal(proxy.Name, Text(standby["host"]));
            Assert.Equal(links[link].Listen.ToString(CultureInfo.InvariantCulture), Text(standby["port"]));
            Assert.Equal(["basebackup"], ((YamlSequenceNode)standby["create_replica_methods"]).Select(Text));
            Assert.Equal(
                new[] { etcd, "fault-proxy", source }.Order(StringComparer.Ordinal),
                WaitsOn(node.Resource, WaitType.WaitUntilHealthy).Select(r => r.Name).Order(StringComparer.Ordinal));
            var sourceNode = topology.TenantServers.Values.Single(s => s.Name == source);
            Assert.Equal((await EnvironmentAsync(sourceNode))["SIM_REPLICATION_PASSWORD"], (await EnvironmentAsync(node.Resource))["SIM_REPLICATION_PASSWORD"]);
        }

        // The tenant routers: each region's sends its own tenant to its own server, and waits for that server only.
        foreach (var (region, tenant, server) in new[] { (eu, "acme", "eu-pg-1"), (us, "globex", "us-pg-1") })
        {
            var router = Assert.IsType<TenantRouterContainerResource>(region.TenantRouter?.Resource);
            Assert.Equal($"{region.Name}-tenant-router", router.Name);
            var ini = router.GeneratedFile("/etc/pgbouncer/pgbouncer.ini")!;
            Assert.Equal([$"{tenant} = host={server} port=5432 dbname={tenant}"], TenantContainerModelTests.RouterDatabases(ini));
            Assert.Equal([server], WaitsOn(router, WaitType.WaitUntilHealthy).Select(r => r.Name));

            // Odoo: the region's tenant only (db_name without dbfilter), through the router, no read replica.
            Assert.Equal(2, region.OdooNodes.Count);
            foreach (var node in region.OdooNodes)
            {
                Assert.Equal(region.Name, node.Resource.Region);
                var conf = OdooConf(node.Resource);
                Assert.Equal(tenant, conf["db_name"]);
                Assert.False(conf.ContainsKey("dbfilter"));
                Assert.Equal((router.Name, "6432"), (conf["db_host"], conf["db_port"]));
                Assert.False(conf.ContainsKey("db_replica_host"));
                Assert.Equal(
                    [region.Ingress.Resource.Name, router.Name],
                    WaitsOn(node.Resource, WaitType.WaitUntilHealthy).Select(r => r.Name));
                Assert.Equal([topology.OdooInit.Resource], WaitsOn(node.Resource, WaitType.WaitForCompletion));
            }
        }

        // Nothing Odoo reaches names a DR replica or the other region's server: not its configuration, not its
        // router's, not its ingress's routes.
        foreach (var region in topology.Regions)
        {
            var other = topology.Regions.Single(r => r != region).Name;
            var generated = region.OdooNodes.Select(n => n.Resource.GeneratedFile("/etc/odoo/odoo.conf")!)
                .Append(region.TenantRouter!.Resource.GeneratedFile("/etc/pgbouncer/pgbouncer.ini")!)
                .Append(region.Ingress.Resource.GeneratedFile("/etc/traefik/dynamic/routes.yml")!);
            Assert.All(generated, text =>
            {
                Assert.DoesNotContain("-pg-2", text, StringComparison.Ordinal);
                Assert.DoesNotContain($"{other}-pg-", text, StringComparison.Ordinal);
                Assert.DoesNotContain("fault-proxy", text, StringComparison.Ordinal);
            });
        }

        // The init creates each tenant's database on its own server (acme in eu, then globex in us), once both are healthy.
        var command = (await ArgsAsync(topology.OdooInit.Resource))[1];
        var acme = command.IndexOf("--db_host eu-pg-1 --db_port 5432 -d acme -i sale_management,stock", StringComparison.Ordinal);
        var globex = command.IndexOf("--db_host us-pg-1 --db_port 5432 -d globex -i sale_management,stock", StringComparison.Ordinal);
        Assert.True(acme >= 0 && globex > acme, command);
        Assert.Contains("odoo shell -c /etc/odoo/odoo.conf --db_host us-pg-1 --db_port 5432 -d globex --no-http", command, StringComparison.Ordinal);
        Assert.Equal(
            ["eu-ingress", "eu-pg-1", "us-pg-1"],
            WaitsOn(topology.OdooInit.Resource, WaitType.WaitUntilHealthy).Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Equal("eu,us", (await EnvironmentAsync(topology.OdooInit.Resource))["SIM_REGIONS"]);

        // Every name the native form has, with the same meaning (the tenant routers and etcd members are containers' own).
        var ours = topology.LongRunningResources().Select(r => r.Name).ToList();
        Assert.Subset(ours.ToHashSet(StringComparer.Ordinal), spec.ResourceNames().ToHashSet(StringComparer.Ordinal));
        Assert.Equal(
            ["eu-etcd", "eu-tenant-router", "us-etcd", "us-tenant-router"],
            ours.Except(spec.ResourceNames()).Order(StringComparer.Ordinal));

        await using var app = builder.Build();
        Assert.NotNull(app);
    }

    [Fact]
    public void With_odoo_18_the_dr_replicas_are_still_never_read()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Containers:Odoo:Version"] = "18.0" })
            .Build();
        using var run = RunDirectory.Create(TimeProvider.System);
        var topology = TestingBuilders.Create().AddContainerTopology(
            TopologyCatalog.RegionalSegmented, run, RunSecrets.NewOdooCredentials(), ContainerTopologyOptions.FromConfiguration(configuration));

        foreach (var node in topology.Regions.SelectMany(r => r.OdooNodes))
        {
            AssertImage(node.Resource, OdooContainerImages.Odoo18);
            Assert.False(OdooConf(node.Resource).ContainsKey("db_replica_host"), node.Resource.Name);
        }
    }
}
