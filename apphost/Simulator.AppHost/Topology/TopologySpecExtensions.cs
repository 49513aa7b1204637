using Simulator.AppHost.Integrations.Etcd;
using Simulator.AppHost.Integrations.Patroni;
using Simulator.Chaos;
using Simulator.Scenarios;

namespace Simulator.AppHost.Topology;

/// <summary>What the scenario validator needs to know of a topology, derived from its spec.</summary>
public static class TopologySpecExtensions
{
    /// <summary>
    /// The fault-proxy links the native runtime creates for the topology. Streaming: <c>&lt;region&gt;-&gt;&lt;primary
    /// region&gt;:postgres</c> for every other region with Odoo nodes or replicas, all of which connect to the primary;
    /// with tenants, only each disaster-recovery replica's link to the server it copies.
    /// Patroni: per region R, the shared links every other region reaches R's etcd peer, Patroni API and PostgreSQL
    /// through (<c>*-&gt;R:etcd-peer</c>, <c>*-&gt;R:patroni</c>, <c>*-&gt;R:postgres</c>), and R's own links to every
    /// other region's etcd member (its Patroni node's DCS) and node (its router): <c>R-&gt;S:etcd</c>,
    /// <c>R-&gt;S:postgres</c>, <c>R-&gt;S:patroni</c>.
    /// </summary>
    public static IReadOnlyList<LinkName> LinkNames(this TopologySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.IsPatroni)
        {
            return spec.WarmStandby ? WarmStandbyLinkNames(spec) : PatroniLinkNames(spec);
        }

        if (spec.Tenants.Count > 0)
        {
            return TenantLinkNames(spec);
        }

        var primaryRegion = spec.Regions[0].Name;
        return [.. spec.Regions
            .Skip(1)
            .Where(r => r.OdooNodes + r.DatabaseReplicas > 0)
            .Select(r => new LinkName(r.Name, primaryRegion, NativeTopologyBuilder.PostgresService))];
    }

    /// <summary>The names of every resource the native runtime creates for the topology, region by region.</summary>
    public static IReadOnlyList<string> ResourceNames(this TopologySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var names = new List<string>();
        if (spec.LinkNames().Count > 0)
        {
            names.Add(ResourceNaming.FaultProxy);
        }

        var primaryPlaced = false;
        foreach (var region in spec.Regions)
        {
            if (spec.IsPatroni)
            {
                names.Add(ResourceNaming.Etcd(region.Name));
                names.AddRange(Enumerable.Range(1, spec.PatroniNodes(region)).Select(i => ResourceNaming.DatabaseNode(region.Name, i)));
                names.Add(ResourceNaming.DatabaseRouter(region.Name));
            }
            else if (spec.Tenants.Count > 0)
            {
                var databaseNodes = spec.PrimaryServersIn(region.Name) + spec.DrReplicasIn(region.Name).Count;
                names.AddRange(Enumerable.Range(1, databaseNodes).Select(i => ResourceNaming.DatabaseNode(region.Name, i)));
            }
            else
            {
                var databaseNodes = region.DatabaseReplicas + (primaryPlaced ? 0 : 1);
                primaryPlaced = true;
                names.AddRange(Enumerable.Range(1, databaseNodes).Select(i => ResourceNaming.DatabaseNode(region.Name, i)));
            }

            names.Add(ResourceNaming.Redis(region.Name));
            names.Add(ResourceNaming.ObjectStorage(region.Name));
            names.AddRange(Enumerable.Range(1, region.OdooNodes).Select(i => ResourceNaming.OdooNode(region.Name, i)));
            names.Add(ResourceNaming.Ingress(region.Name));
        }

        return names;
    }

    /// <summary>The topology as the scenario validator sees it.</summary>
    public static TopologyOutline ToOutline(this TopologySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new TopologyOutline(spec.Name, [.. spec.Regions.Select(r => r.Name)], spec.ResourceNames())
        {
            Tenants = [.. spec.Tenants.Select(t => t.Name)],
            TenantRegions = spec.Tenants.ToDictionary(t => t.Name, spec.RegionOf, StringComparer.Ordinal),
        };
    }

    /// <summary>
    /// Warm standby: each cluster's etcd and members stay in their region, so the only cross-region links are every
    /// router's to every other region's nodes (<c>R-&gt;S:postgres[-n]</c>, <c>R-&gt;S:patroni[-n]</c>, node n's
    /// services suffixed from the second on); the standby clusters stream from the first region's first node through
    /// their router's link to it, <c>R-&gt;first:postgres</c>.
    /// </summary>
    private static List<LinkName> WarmStandbyLinkNames(TopologySpec spec)
    {
        var links = new List<LinkName>();
        foreach (var from in spec.Regions)
        {
            foreach (var to in spec.Regions.Where(r => r != from))
            {
                for (var node = 1; node <= spec.PatroniNodes(to); node++)
                {
                    links.Add(new LinkName(from.Name, to.Name, PatroniBuilderExtensions.NodeService(PatroniBuilderExtensions.PostgresService, node)));
                    links.Add(new LinkName(from.Name, to.Name, PatroniBuilderExtensions.NodeService(PatroniBuilderExtensions.RestService, node)));
                }
            }
        }

        return links;
    }

    /// <summary>
    /// Tenants: the only cross-region connections are the disaster-recovery replicas', each to the server it copies:
    /// <c>R-&gt;S:postgres</c> for S's first server, <c>R-&gt;S:postgres-n</c> for server n.
    /// </summary>
    private static List<LinkName> TenantLinkNames(TopologySpec spec) =>
        [.. spec.Regions.SelectMany(region => spec.DrReplicasIn(region.Name)
            .Select(source => new LinkName(region.Name, source.Region, PatroniBuilderExtensions.NodeService(NativeTopologyBuilder.PostgresService, source.Number))))];

    private static List<LinkName> PatroniLinkNames(TopologySpec spec)
    {
        var regions = spec.Regions.Select(r => r.Name).ToList();
        if (regions.Count < 2)
        {
            return [];
        }

        var links = new List<LinkName>();
        foreach (var region in regions)
        {
            links.Add(new LinkName(LinkName.AnyRegion, region, EtcdBuilderExtensions.PeerService));
            links.Add(new LinkName(LinkName.AnyRegion, region, PatroniBuilderExtensions.RestService));
            links.Add(new LinkName(LinkName.AnyRegion, region, PatroniBuilderExtensions.PostgresService));
        }

        foreach (var from in regions)
        {
            foreach (var to in regions.Where(r => r != from))
            {
                links.Add(new LinkName(from, to, EtcdBuilderExtensions.ClientService));
                links.Add(new LinkName(from, to, PatroniBuilderExtensions.PostgresService));
                links.Add(new LinkName(from, to, PatroniBuilderExtensions.RestService));
            }
        }

        return links;
    }
}
