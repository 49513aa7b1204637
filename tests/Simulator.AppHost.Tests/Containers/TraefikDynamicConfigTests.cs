using Aspire.Hosting.ApplicationModel;
using Simulator.AppHost.Integrations.Containers;
using Simulator.AppHost.Integrations.Traefik;
using Simulator.AppHost.Native;
using Simulator.AppHost.Topology;
using YamlDotNet.RepresentationModel;

namespace Simulator.AppHost.Tests.Containers;

/// <summary>The Traefik routing generated for a region, read back as Traefik's file provider would.</summary>
public sealed class TraefikDynamicConfigTests
{
    private static readonly TraefikRegionRoutes TwoRegionsSeenFromUs = new(
        "us",
        [
            new TraefikOdooServer("us-odoo-1", new ContainerAddress("us-odoo-1", 8069), new ContainerAddress("us-odoo-1", 8072)),
            new TraefikOdooServer("us-odoo-2", new ContainerAddress("us-odoo-2", 8069), new ContainerAddress("us-odoo-2", 8072)),
        ],
        [
            // The leader's region: reached through fault-proxy links, PostgreSQL and Patroni on separate listeners.
            new TraefikDatabaseServer("eu-pg-1", new ContainerAddress("toxiproxy", 20003), new ContainerAddress("toxiproxy", 20004), InRegion: false),
            new TraefikDatabaseServer("us-pg-1", new ContainerAddress("us-pg-1", 5432), new ContainerAddress("us-pg-1", 8008), InRegion: true),
        ]);

    [Fact]
    public void Http_routes_every_path_to_the_region_nodes_with_health_checks_and_a_sticky_cookie()
    {
        var http = Parse(TraefikDynamicConfig.Render(TwoRegionsSeenFromUs))["http"];

        var router = http["routers"]["odoo"];
        Assert.Equal("PathPrefix(`/`)", Text(router["rule"]));
        Assert.Equal(["http"], Sequence(router["entryPoints"]));
        Assert.Equal("odoo", Text(router["service"]));
        var websocket = http["routers"]["odoo-websocket"];
        Assert.Equal("PathPrefix(`/websocket`)", Text(websocket["rule"]));
        Assert.True(int.Parse(Text(websocket["priority"]), System.Globalization.CultureInfo.InvariantCulture) > int.Parse(Text(router["priority"]), System.Globalization.CultureInfo.InvariantCulture));

        var odoo = http["services"]["odoo"]["loadBalancer"];
        Assert.Equal(["http://us-odoo-1:8069", "http://us-odoo-2:8069"], ((YamlSequenceNode)odoo["servers"]).Select(s => Text(s["url"])));
        Assert.Equal("/web/health", Text(odoo["healthCheck"]["path"]));
        Assert.Equal("1000ms", Text(odoo["healthCheck"]["interval"]));
        Assert.Equal("900ms", Text(odoo["healthCheck"]["timeout"]));
        Assert.Equal("sim_us_odoo", Text(odoo["sticky"]["cookie"]["name"]));
        Assert.Equal("true", Text(odoo["sticky"]["cookie"]["httpOnly"]));

        var gevent = http["services"]["odoo-websocket"]["loadBalancer"];
        Assert.Equal(["http://us-odoo-1:8072", "http://us-odoo-2:8072"], ((YamlSequenceNode)gevent["servers"]).Select(s => Text(s["url"])));
        // The gevent port has no /web/health of its own: checked on the HTTP port.
        Assert.Equal("8069", Text(gevent["healthCheck"]["port"]));
        Assert.Equal("sim_us_odoo", Text(gevent["sticky"]["cookie"]["name"]));
    }

    [Fact]
    public void Database_writes_go_to_whichever_node_Patroni_calls_primary_each_checked_on_its_own_rest_listener()
    {
        var tcp = Parse(TraefikDynamicConfig.Render(TwoRegionsSeenFromUs))["tcp"];

        var router = tcp["routers"]["postgres-primary"];
        Assert.Equal("HostSNI(`*`)", Text(router["rule"]));
        Assert.Equal(["postgres"], Sequence(router["entryPoints"]));
        var weighted = tcp["services"]["postgres-primary"]["weighted"];
        Assert.Equal(["eu-pg-1-primary", "us-pg-1-primary"], ((YamlSequenceNode)weighted["services"]).Select(s => Text(s["name"])));
        Assert.IsType<YamlMappingNode>(weighted["healthCheck"]);

        var remote = tcp["services"]["eu-pg-1-primary"]["loadBalancer"];
        Assert.Equal(["toxiproxy:20003"], ((YamlSequenceNode)remote["servers"]).Select(s => Text(s["address"])));
        Assert.Equal("20004", Text(remote["healthCheck"]["port"]));
        Assert.Equal("GET /primary HTTP/1.0\r\n\r\n", Text(remote["healthCheck"]["send"]));
        Assert.Equal("HTTP/1.0 200", Text(remote["healthCheck"]["expect"]));
        var local = tcp["services"]["us-pg-1-primary"]["loadBalancer"];
        Assert.Equal(["us-pg-1:5432"], ((YamlSequenceNode)local["servers"]).Select(s => Text(s["address"])));
        Assert.Equal("8008", Text(local["healthCheck"]["port"]));
    }

    [Fact]
    public void Reads_stay_in_the_region_on_nodes_Patroni_calls_replica()
    {
        var tcp = Parse(TraefikDynamicConfig.Render(TwoRegionsSeenFromUs))["tcp"];

        Assert.Equal(["postgres-replica"], Sequence(tcp["routers"]["postgres-replica"]["entryPoints"]));
        var weighted = tcp["services"]["postgres-replica"]["weighted"];
        Assert.Equal(["us-pg-1-replica"], ((YamlSequenceNode)weighted["services"]).Select(s => Text(s["name"])));
        Assert.Equal("GET /replica HTTP/1.0\r\n\r\n", Text(tcp["services"]["us-pg-1-replica"]["loadBalancer"]["healthCheck"]["send"]));
        Assert.False(((YamlMappingNode)tcp["services"]).Children.ContainsKey(new YamlScalarNode("eu-pg-1-replica")));
    }

    [Fact]
    public void A_region_without_database_nodes_of_its_own_has_no_replica_route_and_bad_input_is_refused()
    {
        var remoteOnly = TwoRegionsSeenFromUs with { DatabaseServers = [TwoRegionsSeenFromUs.DatabaseServers[0]] };
        var tcp = (YamlMappingNode)Parse(TraefikDynamicConfig.Render(remoteOnly))["tcp"];
        Assert.False(((YamlMappingNode)tcp["routers"]).Children.ContainsKey(new YamlScalarNode("postgres-replica")));
        Assert.DoesNotContain("--entryPoints.postgres-replica.address=:5433", TraefikContainerBuilderExtensions.StaticConfiguration(remoteOnly));
        Assert.Contains("--entryPoints.postgres.address=:5432", TraefikContainerBuilderExtensions.StaticConfiguration(remoteOnly));

        var noOdoo = TwoRegionsSeenFromUs with { OdooServers = [] };
        Assert.Contains("no Odoo node", Assert.Throws<ArgumentException>(() => TraefikDynamicConfig.Render(noOdoo)).Message, StringComparison.Ordinal);
        var split = TwoRegionsSeenFromUs with
        {
            DatabaseServers = [new TraefikDatabaseServer("x", new ContainerAddress("a", 1), new ContainerAddress("b", 2), true)],
        };
        Assert.Contains("must share a host", Assert.Throws<ArgumentException>(() => TraefikDynamicConfig.Render(split)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_region_of_regional_segmented_routes_its_own_odoo_nodes_and_its_own_tenant_server_and_nothing_reads_a_replica()
    {
        using var run = RunDirectory.Create(TimeProvider.System);
        var topology = TestingBuilders.Create().AddContainerTopology(
            TopologyCatalog.RegionalSegmented, run, RunSecrets.NewOdooCredentials(), ContainerTopologyOptions.Default);

        foreach (var (region, server) in new[] { ("eu", "eu-pg-1"), ("us", "us-pg-1") })
        {
            var ingress = topology.Region(region).Ingress.Resource;
            var routes = Parse(ingress.GeneratedFile("/etc/traefik/dynamic/routes.yml")!);

            // HTTP: the region's two Odoo nodes only, checked on /web/health, sticky on the region's own cookie.
            var odoo = routes["http"]["services"]["odoo"]["loadBalancer"];
            Assert.Equal(
                [$"http://{region}-odoo-1:8069", $"http://{region}-odoo-2:8069"],
                ((YamlSequenceNode)odoo["servers"]).Select(s => Text(s["url"])));
            Assert.Equal("/web/health", Text(odoo["healthCheck"]["path"]));
            Assert.Equal($"sim_{region}_odoo", Text(odoo["sticky"]["cookie"]["name"]));
            var gevent = routes["http"]["services"]["odoo-websocket"]["loadBalancer"];
            Assert.Equal(
                [$"http://{region}-odoo-1:8072", $"http://{region}-odoo-2:8072"],
                ((YamlSequenceNode)gevent["servers"]).Select(s => Text(s["url"])));
            Assert.Equal($"sim_{region}_odoo", Text(gevent["sticky"]["cookie"]["name"]));

            // TCP: the postgres entry point reaches the region's own tenant server, straight (no link), checked on
            // /primary; never the other region's server nor the disaster-recovery replica the region keeps.
            var tcp = routes["tcp"];
            Assert.Equal(["postgres-primary"], ((YamlMappingNode)tcp["routers"]).Children.Keys.Select(Text));
            Assert.Equal(
                [server + "-primary"],
                ((YamlSequenceNode)tcp["services"]["postgres-primary"]["weighted"]["services"]).Select(s => Text(s["name"])));
            var primary = tcp["services"][server + "-primary"]["loadBalancer"];
            Assert.Equal([server + ":5432"], ((YamlSequenceNode)primary["servers"]).Select(s => Text(s["address"])));
            Assert.Equal("8008", Text(primary["healthCheck"]["port"]));
            Assert.Equal("GET /primary HTTP/1.0\r\n\r\n", Text(primary["healthCheck"]["send"]));
            Assert.Equal(
                new[] { "postgres-primary", server + "-primary" }.Order(StringComparer.Ordinal),
                ((YamlMappingNode)tcp["services"]).Children.Keys.Select(Text).Order(StringComparer.Ordinal));

            // No read route, entry point or endpoint: the only replicas are for disaster recovery.
            var arguments = await ContainerTopologyModelTests.ArgsAsync(ingress);
            Assert.Contains("--entryPoints.postgres.address=:5432", arguments);
            Assert.DoesNotContain("--entryPoints.postgres-replica.address=:5433", arguments);
            Assert.DoesNotContain(ingress.Annotations.OfType<EndpointAnnotation>(), e => e.Name == "postgres-replica");
            Assert.Contains(ingress.Annotations.OfType<EndpointAnnotation>(), e => e.Name == "postgres" && e.TargetPort == 5432);
        }
    }

    [Fact]
    public void A_region_that_serves_no_reads_gets_no_replica_route_even_with_a_node_of_its_own()
    {
        var writesOnly = TwoRegionsSeenFromUs with { ServesReads = false };
        var tcp = (YamlMappingNode)Parse(TraefikDynamicConfig.Render(writesOnly))["tcp"];

        Assert.Equal(["postgres-primary"], ((YamlMappingNode)tcp["routers"]).Children.Keys.Select(Text));
        Assert.DoesNotContain(((YamlMappingNode)tcp["services"]).Children.Keys.Select(Text), k => k.EndsWith("-replica", StringComparison.Ordinal));
        Assert.DoesNotContain("--entryPoints.postgres-replica.address=:5433", TraefikContainerBuilderExtensions.StaticConfiguration(writesOnly));
        Assert.False(writesOnly.HasLocalReplicaRoute);
        Assert.True(TwoRegionsSeenFromUs.HasLocalReplicaRoute);
    }

    internal static YamlNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Single().RootNode;
    }

    internal static string Text(YamlNode node) => ((YamlScalarNode)node).Value!;

    private static IEnumerable<string> Sequence(YamlNode node) => ((YamlSequenceNode)node).Select(Text);
}
