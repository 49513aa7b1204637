using System.Globalization;
using Simulator.AppHost.Integrations.Containers;
using Simulator.AppHost.Integrations.Etcd;
using Simulator.AppHost.Integrations.Patroni;
using Simulator.AppHost.Integrations.Postgres;

namespace Simulator.AppHost.Topology;

/// <summary>The containers form of a topology with tenants.</summary>
public sealed partial class ContainerTopologyBuilder
{
    /// <summary>
    /// Tenants, as natively (<c>NativeTopologyBuilder.Tenants.cs</c>): every region's primaries first, one per server
    /// number of the tenants living there (<c>R-pg-1</c>…), each a Patroni cluster of one node with a scope of its own
    /// (<see cref="TenantServerScope"/>) on the region's etcd; then, per region, a disaster-recovery replica of each
    /// server of another region whose tenants name it their <see cref="TenantSpec.DrRegion"/>: a one-node Patroni standby
    /// cluster (scope <c>&lt;server's scope&gt;-dr</c>) following that server through the Toxiproxy link named as natively,
    /// <c>R-&gt;S:postgres</c> (<c>postgres-n</c> for server n from the second on), started once the server and the
    /// fault proxy are healthy. No replica is read by Odoo: none is in a Traefik route or a tenant router.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<IResourceBuilder<PostgresServerResource>>> AddTenantDatabaseNodes(
        IReadOnlyDictionary<string, IResourceBuilder<EtcdContainerResource>> etcd)
    {
        ArgumentNullException.ThrowIfNull(etcd);
        var settings = _options.PatroniFor(_spec);
        var nodes = _spec.Regions.ToDictionary(r => r.Name, _ => new List<IResourceBuilder<PostgresServerResource>>(), StringComparer.Ordinal);
        var servers = new Dictionary<TenantServer, IResourceBuilder<PostgresServerResource>>();
        foreach (var region in _spec.Regions)
        {
            var etcdHosts = EtcdHosts(region, etcd);
            for (var number = 1; number <= _spec.PrimaryServersIn(region.Name); number++)
            {
                var scope = TenantServerScope(settings.Scope, region.Name, number);
                var server = AddPatroniNode(region, number, settings with { Scope = scope }, etcdHosts, standbySource: null, etcd);
                servers[new TenantServer(region.Name, number)] = server;
                nodes[region.Name].Add(server);
            }
        }

        foreach (var region in _spec.Regions)
        {
            var etcdHosts = EtcdHosts(region, etcd);
            var number = _spec.PrimaryServersIn(region.Name) + 1;
            foreach (var source in _spec.DrReplicasIn(region.Name))
            {
                var primary = servers[source];
                var via = ContainerAddress.Of(_links.Reach(
                    region.Name,
                    source.Region,
                    PatroniBuilderExtensions.NodeService(NativeTopologyBuilder.PostgresService, source.Number),
                    primary.GetEndpoint(PatroniContainerBuilderExtensions.PostgresEndpointName)));
                var scope = DrReplicaScope(TenantServerScope(settings.Scope, source.Region, source.Number));
                var replica = AddPatroniNode(region, number++, settings with { Scope = scope }, etcdHosts, via, etcd).WaitFor(primary);
                nodes[region.Name].Add(replica);
            }
        }

        return nodes.ToDictionary(n => n.Key, n => (IReadOnlyList<IResourceBuilder<PostgresServerResource>>)n.Value, StringComparer.Ordinal);
    }

    /// <summary>
    /// The region's tenant router: PgBouncer sending each of the region's tenants' databases straight to its server (as
    /// the native emulator's <c>Odoo:Tenants:&lt;tenant&gt;</c> connection strings do), started once the region's
    /// tenant servers are healthy; null for a region where no tenant lives (and which then runs no Odoo node).
    /// </summary>
    /// <exception cref="InvalidOperationException">The region runs Odoo nodes but no tenant lives there.</exception>
    public IResourceBuilder<TenantRouterContainerResource>? AddRegionTenantRouter(
        RegionSpec region, IReadOnlyList<IResourceBuilder<PostgresServerResource>> regionNodes, IReadOnlyList<TenantPlacement> tenants)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(regionNodes);
        ArgumentNullException.ThrowIfNull(tenants);
        var local = _spec.TenantsIn(region.Name).Select(t => tenants.Single(p => p.Database == t.Name)).ToList();
        if (local.Count == 0)
        {
            return region.OdooNodes == 0
                ? null
                : throw new InvalidOperationException($"topology {_spec.Name}: region {region.Name} runs Odoo nodes but no tenant lives there");
        }

        var router = _builder.AddTenantRouterContainer(ContainerResourceNaming.TenantRouter(region.Name), _options.Images.Postgres, local, _secrets);
        foreach (var server in regionNodes.Take(_spec.PrimaryServersIn(region.Name)))
        {
            router.WaitFor(server);
        }

        return router;
    }

    /// <summary>
    /// The Patroni scope of server <paramref name="number"/> of <paramref name="region"/>: <paramref name="scope"/> for
    /// the first region's first server, suffixed <c>-&lt;region&gt;</c> in the other regions and <c>-server-N</c> from the
    /// second server on (<c>sim</c>, <c>sim-server-2</c>, <c>sim-us</c>, <c>sim-us-server-2</c>): every tenant server leads
    /// a cluster of its own, and no two share a name even in logs that mix regions.
    /// </summary>
    public string TenantServerScope(string scope, string region, int number)
    {
        ArgumentException.ThrowIfNullOrEmpty(scope);
        var regional = region == _spec.Regions[0].Name ? scope : $"{scope}-{region}";
        return number > 1 ? string.Create(CultureInfo.InvariantCulture, $"{regional}-server-{number}") : regional;
    }

    /// <summary>The scope of the standby cluster copying the server whose scope is <paramref name="serverScope"/>.</summary>
    public static string DrReplicaScope(string serverScope) => serverScope + "-dr";

    /// <summary>Every tenant's database on its server (its region's node of the tenant's server number); empty without tenants.</summary>
    private List<TenantPlacement> TenantPlacements(IReadOnlyDictionary<string, IReadOnlyList<IResourceBuilder<PostgresServerResource>>> databases) =>
        [.. _spec.Tenants.Select(t => new TenantPlacement(
            t.Name, ContainerAddress.Of(databases[_spec.RegionOf(t)][t.DatabaseServer - 1].GetEndpoint(PatroniContainerBuilderExtensions.PostgresEndpointName))))];
}
