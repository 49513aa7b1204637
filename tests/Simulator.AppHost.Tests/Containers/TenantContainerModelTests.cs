using Aspire.Hosting.ApplicationModel;
using Simulator.AppHost.Integrations.Containers;
using Simulator.AppHost.Integrations.Postgres;
using Simulator.AppHost.Native;
using Simulator.AppHost.Topology;
using YamlDotNet.RepresentationModel;
using static Simulator.AppHost.Tests.Containers.ContainerTopologyModelTests;
using static Simulator.AppHost.Tests.Containers.TraefikDynamicConfigTests;

namespace Simulator.AppHost.Tests.Containers;

/// <summary>
/// <c>multi-tenant-shared</c> and <c>dedicated-tenant</c> in containers mode, built without starting anything: a
/// database per tenant created on the server the topology places it on, Odoo serving every tenant's database, and
/// the tenant router sending each database to its server — as the native runtime's <c>Odoo:Tenants:&lt;tenant&gt;</c>
/// connection strings do.
/// </summary>
public sealed class TenantContainerModelTests
{
    [Fact]
    public async Task Shared_tenants_have_their_databases_created_on_one_server_and_served_by_every_odoo_node()
    {
        using var run = RunDirectory.Create(TimeProvider.System);
        var builder = TestingBuilders.Create();
        var topology = builder.AddContainerTopology(TopologyCatalog.MultiTenantShared, run, RunSecrets.NewOdooCredentials(), ContainerTopologyOptions.Default);
        var eu = topology.Region("eu");

        Assert.Equal(["eu-pg-1"], eu.DatabaseNodes.Select(n => n.Resource.Name));
        Assert.Equal("acme", topology.Credentials.Database);
        Assert.Equal(
            [("acme", "eu-pg-1"), ("globex", "eu-pg-1")],
            topology.TenantServers.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => (t.Key, t.Value.Name)));
        await AssertTenantsServedAsync(topology, [("acme", "eu-pg-1"), ("globex", "eu-pg-1")]);

        await using var app = builder.Build();
        Assert.NotNull(app);
    }

    [Fact]
    public async Task Dedicated_tenants_each_get_a_server_leading_its_own_cluster_and_the_router_sends_each_database_there()
    {
        using var run = RunDirectory.Create(TimeProvider.System);
        var builder = TestingBuilders.Create();
        var topology = builder.AddContainerTopology(TopologyCatalog.DedicatedTenant, run, RunSecrets.NewOdooCredentials(), ContainerTopologyOptions.Default);
        var eu = topology.Region("eu");

        Assert.Equal(["eu-pg-1", "eu-pg-2"], eu.DatabaseNodes.Select(n => n.Resource.Name));
        Assert.Equal(
            [("acme", "eu-pg-1"), ("globex", "eu-pg-2")],
            topology.TenantServers.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => (t.Key, t.Value.Name)));

        // Two independent primaries: different Patroni scopes on the region's etcd, neither waiting for the other.
        var scopes = eu.DatabaseNodes
            .Select(n => Text(Parse(n.Resource.GeneratedFile("/etc/patroni/patroni.yml")!)["scope"]))
            .ToList();
        Assert.Equal([topology.PatroniSettings.Scope, topology.PatroniSettings.Scope + "-server-2"], scopes);
        Assert.DoesNotContain(eu.DatabaseNodes[0].Resource, WaitsOn(eu.DatabaseNodes[1].Resource, WaitType.WaitUntilHealthy));
        await AssertTenantsServedAsync(topology, [("acme", "eu-pg-1"), ("globex", "eu-pg-2")]);

        await using var app = builder.Build();
        Assert.NotNull(app);
    }

    /// <summary>The lines of a tenant router's <c>[databases]</c> section, in order.</summary>
    internal static List<string> RouterDatabases(string ini) =>
        [.. ini.Split('\n', StringSplitOptions.TrimEntries)
            .SkipWhile(l => l != "[databases]").Skip(1).TakeWhile(l => !l.StartsWith('['))
            .Where(l => l.Length > 0)];

    /// <summary>
    /// What both tenant topologies share: each tenant's database created on its server by the init, the router's
    /// <c>[databases]</c> sending it there, and Odoo exposing exactly the tenants' databases through the router.
    /// </summary>
    private static async Task AssertTenantsServedAsync(ContainerTopology topology, IReadOnlyList<(string Tenant, string Server)> placements)
    {
        var eu = topology.Region("eu");
        var router = Assert.IsType<TenantRouterContainerResource>(eu.TenantRouter?.Resource);
        Assert.Equal("eu-tenant-router", router.Name);

        // The init creates and seeds every tenant's database, in order, Odoo pointed at the tenant's own server.
        var command = (await ArgsAsync(topology.OdooInit.Resource))[1];
        var expected = placements.SelectMany(p => new[]
        {
            $"odoo -c /etc/odoo/odoo.conf --db_host {p.Server} --db_port 5432 -d {p.Tenant} -i sale_management,stock",
            $"odoo shell -c /etc/odoo/odoo.conf --db_host {p.Server} --db_port 5432 -d {p.Tenant} --no-http",
        }).ToList();
        var positions = expected.Select(e => command.IndexOf(e, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0, command));
        Assert.Equal(positions.Order(), positions);

        // The router: one line per tenant to its server's database, session pooling, no password in the file.
        var ini = router.GeneratedFile("/etc/pgbouncer/pgbouncer.ini")!;
        Assert.Equal(placements.Select(p => $"{p.Tenant} = host={p.Server} port=5432 dbname={p.Tenant}"), RouterDatabases(ini));
        Assert.Contains("pool_mode = session", ini, StringComparison.Ordinal);
        Assert.Contains("listen_port = 6432", ini, StringComparison.Ordinal);
        var environment = await EnvironmentAsync(router);
        Assert.Equal("odoo", environment["SIM_ODOO_DB_USER"]);
        Assert.DoesNotContain(environment["SIM_ODOO_DB_PASSWORD"], ini, StringComparison.Ordinal);
        AssertImage(router, PatroniContainerImages.Postgres);
        var build = router.Annotations.OfType<DockerfileBuildAnnotation>().Single();
        Assert.True(File.Exists(build.DockerfilePath), build.DockerfilePath);
        Assert.True(File.Exists(Path.Combine(build.ContextPath, "entrypoint.sh")));
        Assert.Equal(PatroniContainerImages.Postgres.Reference, build.BuildArguments["POSTGRES_IMAGE"]);
        Assert.Equal(
            placements.Select(p => p.Server).Distinct().Order(StringComparer.Ordinal),
            WaitsOn(router, WaitType.WaitUntilHealthy).Select(r => r.Name).Order(StringComparer.Ordinal));

        // Odoo: every tenant's database exposed (db_name list, no dbfilter: Odoo then never lists the server's
        // databases, which through the router would see one server), reached through the router.
        foreach (var node in eu.OdooNodes)
        {
            var conf = OdooConf(node.Resource);
            Assert.Equal(string.Join(",", placements.Select(p => p.Tenant)), conf["db_name"]);
            Assert.False(conf.ContainsKey("dbfilter"), "a dbfilter would make Odoo list the databases of the router's one server");
            Assert.Equal(("eu-tenant-router", "6432"), (conf["db_host"], conf["db_port"]));
            Assert.Contains(router, WaitsOn(node.Resource, WaitType.WaitUntilHealthy));
        }

        // The ingress's database route reaches the default (first) tenant's server only: the other servers lead
        // clusters of their own, so a route spread over them would send a connection to a random tenant's server.
        var routes = Parse(eu.Ingress.Resource.GeneratedFile("/etc/traefik/dynamic/routes.yml")!);
        Assert.Equal(
            [placements[0].Server + "-primary"],
            ((YamlSequenceNode)routes["tcp"]["services"]["postgres-primary"]["weighted"]["services"]).Select(s => Text(s["name"])));
    }
}
