using Simulator.AppHost.Integrations.HAProxy;
using Simulator.AppHost.Integrations.Odoo;
using Simulator.AppHost.Integrations.Patroni;
using Simulator.AppHost.Integrations.Postgres;
using Simulator.AppHost.Integrations.Redis;
using Simulator.AppHost.Integrations.S3;
using Simulator.AppHost.Native;
using Simulator.Load.Odoo;

namespace Simulator.AppHost.Topology;

/// <summary>The form of a topology with tenants.</summary>
public static partial class NativeTopologyBuilder
{
    /// <summary>
    /// Tenants: every region runs a primary per server number of the tenants living there (<c>R-pg-1</c>…, each created
    /// with its tenants' databases), then a disaster-recovery streaming replica of each server of another region whose
    /// tenants name it their <see cref="TenantSpec.DrRegion"/>, reaching it through the link
    /// <c>R-&gt;S:postgres[-n]</c> (server n's service suffixed from the second on); Redis, object storage, Odoo nodes
    /// serving the region's own tenants only (so no Odoo node ever connects to another region's database) and the
    /// ingress. No replica is read by Odoo.
    /// </summary>
    private static NativeTopology AddTenantTopology(
        this IDistributedApplicationBuilder builder, TopologySpec spec, RunDirectory run, OdooCredentials credentials, ProxyRegionLinks links)
    {
        if (spec.Regions.FirstOrDefault(r => r.DatabaseReplicas > 0) is { } withReplicas)
        {
            throw new InvalidOperationException($"topology {spec.Name}: region {withReplicas.Name} has read replicas, which tenants do not use (a tenant's dr_region places a replica)");
        }

        // Every region's primaries first: a DR replica streams from a server of another region.
        var postgresPassword = RunSecrets.NewPassword();
        var servers = new Dictionary<TenantServer, IResourceBuilder<NativePostgresResource>>();
        foreach (var region in spec.Regions)
        {
            for (var number = 1; number <= spec.PrimaryServersIn(region.Name); number++)
            {
                servers[new TenantServer(region.Name, number)] = builder.AddNativePostgresPrimary(
                    ResourceNaming.DatabaseNode(region.Name, number), run, DatabasesOn(spec, region.Name, number), postgresPassword);
            }
        }

        var tenantServers = spec.Tenants.ToDictionary(t => t.Name, t => servers[new TenantServer(spec.RegionOf(t), t.DatabaseServer)], StringComparer.Ordinal);
        var regions = new List<RegionResources>();
        foreach (var region in spec.Regions)
        {
            var primaries = servers.Where(s => s.Key.Region == region.Name).OrderBy(s => s.Key.Number).Select(s => s.Value).ToList();
            var node = primaries.Count + 1;
            var drReplicas = spec.DrReplicasIn(region.Name)
                .Select(source =>
                {
                    var primary = servers[source];
                    var via = links.Reach(region.Name, source.Region, PatroniBuilderExtensions.NodeService(PostgresService, source.Number), primary.Resource.Endpoint);
                    return builder.AddNativePostgresReplica(ResourceNaming.DatabaseNode(region.Name, node++), run, primary, via);
                })
                .ToList();
            var redis = builder.AddNativeRedis(ResourceNaming.Redis(region.Name), run);
            var storage = builder.AddNativeS3(ResourceNaming.ObjectStorage(region.Name), run);
            var local = spec.TenantsIn(region.Name).ToDictionary(t => t.Name, t => tenantServers[t.Name], StringComparer.Ordinal);
            if (region.OdooNodes > 0 && local.Count == 0)
            {
                throw new InvalidOperationException($"topology {spec.Name}: region {region.Name} runs Odoo nodes but no tenant lives there");
            }

            var regionCredentials = credentials with { Database = spec.DefaultTenant(region.Name) ?? spec.Tenants[0].Name };
            var odooNodes = Enumerable.Range(1, region.OdooNodes)
                .Select(i => builder.AddOdooEmulator(ResourceNaming.OdooNode(region.Name, i), region.Name, primaries[0], redis, regionCredentials)
                    .WithAttachmentStorage(storage)
                    .WithWorkers(region.OdooWorkers)
                    .WithTenants(local))
                .ToList();
            var ingress = builder.AddHAProxyIngress(
                ResourceNaming.Ingress(region.Name), run, odooNodes, n => n.GetEndpoint(OdooEmulatorBuilderExtensions.EndpointName));
            regions.Add(new RegionResources(region.Name, primaries.FirstOrDefault(), drReplicas, redis, odooNodes, ingress)
            {
                ObjectStorage = storage,
                MorePrimaries = [.. primaries.Skip(1)],
            });
        }

        // The first tenant is the default database (the endpoints file; workloads default to their region's first).
        return new NativeTopology(spec, run, credentials with { Database = spec.Tenants[0].Name }, regions, links.Proxy) { TenantServers = tenantServers };
    }

    /// <summary>The databases server <paramref name="server"/> of <paramref name="region"/> holds: its tenants'.</summary>
    private static List<string> DatabasesOn(TopologySpec spec, string region, int server)
    {
        var databases = spec.TenantsIn(region).Where(t => t.DatabaseServer == server).Select(t => t.Name).ToList();
        return databases.Count > 0
            ? databases
            : throw new InvalidOperationException($"topology {spec.Name}: no tenant of {region} is placed on database server {server} (servers are numbered 1, 2, … without gaps)");
    }
}
