using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Simulator.AppHost.Integrations.Containers;
using Simulator.AppHost.Integrations.Patroni;
using Simulator.AppHost.Integrations.Toxiproxy;
using Simulator.AppHost.Native;
using Simulator.AppHost.Topology;
using YamlDotNet.RepresentationModel;
using static Simulator.AppHost.Tests.Containers.ContainerTopologyModelTests;
using static Simulator.AppHost.Tests.Containers.TraefikDynamicConfigTests;

namespace Simulator.AppHost.Tests.Containers;

/// <summary>
/// <c>warm-standby-dr</c> in containers mode, built without starting anything: eu's own cluster and etcd, us's
/// standby cluster following eu-pg-1 through its Toxiproxy link, and Traefik routing writes to whichever cluster has
/// a primary and reads locally — as the native runtime builds it.
/// </summary>
public sealed class WarmStandbyContainerModelTests
{
    [Fact]
    public async Task Eu_runs_its_own_cluster_and_us_a_standby_cluster_following_eu_pg_1_through_a_toxiproxy_link()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Containers:Odoo:Version"] = "18.0" })
            .Build();
        using var run = RunDirectory.Create(TimeProvider.System);
        var builder = TestingBuilders.Create();
        var topology = builder.AddContainerTopology(
            TopologyCatalog.WarmStandbyDr, run, RunSecrets.NewOdooCredentials(), ContainerTopologyOptions.FromConfiguration(configuration));
        var eu = topology.Region("eu");
        var us = topology.Region("us");
        var proxy = Assert.IsType<ToxiproxyContainerResource>(topology.FaultProxy?.Resource);

        Assert.Equal(["eu-pg-1", "eu-pg-2"], eu.DatabaseNodes.Select(n => n.Resource.Name));
        Assert.Equal(["us-pg-1"], us.DatabaseNodes.Select(n => n.Resource.Name));

        // Only the ingresses' per-node links cross regions (etcd and replication inside eu stay in eu); the standby
        // streams through us's link to eu-pg-1, the one us's ingress uses too.
        var links = topology.Links.ToDictionary(l => l.Name);
        Assert.Equal(
            ["eu->us:patroni-1", "eu->us:postgres-1", "us->eu:patroni-1", "us->eu:patroni-2", "us->eu:postgres-1", "us->eu:postgres-2"],
            links.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("eu-pg-1:5432", links["us->eu:postgres-1"].Upstream.ToString());
        Assert.Equal("us-pg-1:8008", links["eu->us:patroni-1"].Upstream.ToString());

        // eu: one cluster (scope sim), synchronous inside eu as the catalogue says, on eu's etcd only, addresses straight.
        foreach (var node in eu.DatabaseNodes)
        {
            var patroni = Parse(node.Resource.GeneratedFile("/etc/patroni/patroni.yml")!);
            Assert.Equal("sim", Text(patroni["scope"]));
            Assert.Equal("eu-etcd:2379", Text(patroni["etcd"]["hosts"]));
            Assert.Equal($"{node.Resource.Name}:5432", Text(patroni["postgresql"]["connect_address"]));
            Assert.Equal($"{node.Resource.Name}:8008", Text(patroni["restapi"]["connect_address"]));
            Assert.Equal("true", Text(patroni["bootstrap"]["dcs"]["synchronous_mode"]));
            Assert.False(((YamlMappingNode)patroni["bootstrap"]["dcs"]).Children.ContainsKey("standby_cluster"));
        }

        // us: a standby cluster of its own (scope sim-us, us's etcd), following eu-pg-1 through the link's listener.
        var standbyNode = us.DatabaseNodes[0].Resource;
        var standby = Parse(standbyNode.GeneratedFile("/etc/patroni/patroni.yml")!);
        Assert.Equal("sim-us", Text(standby["scope"]));
        Assert.Equal("us-etcd:2379", Text(standby["etcd"]["hosts"]));
        var source = standby["bootstrap"]["dcs"]["standby_cluster"];
        Assert.Equal(proxy.Name, Text(source["host"]));
        Assert.Equal(links["us->eu:postgres-1"].Listen.ToString(System.Globalization.CultureInfo.InvariantCulture), Text(source["port"]));
        Assert.Equal(["basebackup"], ((YamlSequenceNode)source["create_replica_methods"]).Select(Text));
        // The same section as the native runtime renders (one generator), there aimed at the loopback link.
        var native = Parse(PatroniConfig.Render(
            new PatroniNodeSettings("us-pg-1", "/d", "/s", "/p", "/b", "db", "true", PatroniPasswords.New("pw")),
            new PatroniClusterOptions(),
            standbySourcePort: links["us->eu:postgres-1"].Listen));
        var nativeSource = (YamlMappingNode)native["bootstrap"]["dcs"]["standby_cluster"];
        Assert.Equal(
            ((YamlMappingNode)source).Children.Keys.Select(Text).Where(k => k != "host"),
            nativeSource.Children.Keys.Select(Text).Where(k => k != "host"));
        Assert.Equal(Text(source["port"]), Text(nativeSource["port"]));
        // It clones eu-pg-1, so it starts once that node and the proxy carrying its link are healthy.
        Assert.Equal(
            ["eu-pg-1", "fault-proxy", "us-etcd"],
            WaitsOn(standbyNode, WaitType.WaitUntilHealthy).Select(r => r.Name).Order(StringComparer.Ordinal));

        // Each etcd is a cluster of one, with a token of its own.
        foreach (var region in topology.Regions)
        {
            var args = await ArgsAsync(region.Etcd.Resource);
            Assert.Contains($"--initial-cluster={region.Etcd.Resource.Name}=http://{region.Etcd.Resource.Name}:2380", args);
            Assert.Contains($"--initial-cluster-token=sim-{run.Id}-{region.Name}", args);
        }

        // Routing in us: writes to whichever node of either cluster passes /primary (eu's through us's links), reads
        // to us's own node on /read-only, which a standby cluster's leader passes though it fails /replica.
        var routes = Parse(us.Ingress.Resource.GeneratedFile("/etc/traefik/dynamic/routes.yml")!);
        var services = routes["tcp"]["services"];
        Assert.Equal(
            ["eu-pg-1-primary", "eu-pg-2-primary", "us-pg-1-primary"],
            ((YamlSequenceNode)services["postgres-primary"]["weighted"]["services"]).Select(s => Text(s["name"])));
        Assert.Equal($"fault-proxy:{links["us->eu:postgres-1"].Listen}", Text(services["eu-pg-1-primary"]["loadBalancer"]["servers"][0]["address"]));
        Assert.Equal(links["us->eu:patroni-1"].Listen.ToString(System.Globalization.CultureInfo.InvariantCulture), Text(services["eu-pg-1-primary"]["loadBalancer"]["healthCheck"]["port"]));
        Assert.Equal(
            ["us-pg-1-read-only"],
            ((YamlSequenceNode)services["postgres-replica"]["weighted"]["services"]).Select(s => Text(s["name"])));
        Assert.Equal("GET /read-only HTTP/1.0\r\n\r\n", Text(services["us-pg-1-read-only"]["loadBalancer"]["healthCheck"]["send"]));
        Assert.Equal("us-pg-1:5432", Text(services["us-pg-1-read-only"]["loadBalancer"]["servers"][0]["address"]));
        var euRoutes = Parse(eu.Ingress.Resource.GeneratedFile("/etc/traefik/dynamic/routes.yml")!);
        Assert.Equal(
            ["eu-pg-1-read-only", "eu-pg-2-read-only"],
            ((YamlSequenceNode)euRoutes["tcp"]["services"]["postgres-replica"]["weighted"]["services"]).Select(s => Text(s["name"])));

        // Odoo in us reads through its ingress's replica entry point, so locally.
        var conf = OdooConf(us.OdooNodes[0].Resource);
        Assert.Equal("us-ingress", conf["db_host"]);
        Assert.Equal("us-ingress", conf["db_replica_host"]);
        Assert.Equal("5433", conf["db_replica_port"]);

        // What a run fences and promotes.
        Assert.Equal(["eu-pg-1", "eu-pg-2"], topology.ActiveClusterNodes.Select(n => n.Name));
        Assert.Equal(["us-pg-1"], topology.StandbyNodes("us").Select(n => n.Name));
        Assert.Empty(topology.StandbyNodes("eu"));

        await using var app = builder.Build();
        Assert.NotNull(app);
    }
}
