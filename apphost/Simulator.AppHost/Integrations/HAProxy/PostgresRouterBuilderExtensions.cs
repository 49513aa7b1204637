using Simulator.AppHost.Integrations.Health;
using Simulator.AppHost.Integrations.Patroni;
using Simulator.AppHost.Native;
using Simulator.AppHost.Topology;

namespace Simulator.AppHost.Integrations.HAProxy;

/// <summary>Adds PostgreSQL routers (HAProxy in TCP mode) in front of a Patroni cluster.</summary>
public static class PostgresRouterBuilderExtensions
{
    /// <summary>
    /// Adds the PostgreSQL router of <paramref name="region"/>: writes to the Patroni leader (whichever node of the
    /// cluster or its standby clusters runs as a primary), reads to the region's replica (other regions' as backups). Every node, its PostgreSQL and its REST API, is addressed as a
    /// client in <paramref name="region"/> reaches it (<see cref="IRegionLinks.Reach"/>). It starts once every node
    /// is up and is healthy while a leader is reachable.
    /// </summary>
    public static IResourceBuilder<PostgresRouterResource> AddPostgresRouter(
        this IDistributedApplicationBuilder builder, RunDirectory run, string region, PatroniCluster cluster, IRegionLinks links)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentException.ThrowIfNullOrEmpty(region);
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(links);

        var name = ResourceNaming.DatabaseRouter(region);
        var nodes = cluster.AllNodes;
        var localIndex = nodes.Select((n, i) => (n, i)).Where(p => p.n.Resource.Region == region).Select(p => p.i).DefaultIfEmpty(-1).First();
        var configFile = run.PathOf($"{name}.cfg");
        File.WriteAllText(configFile, PostgresRouterConfig.Render([.. nodes.Select(n => n.Resource.Name)], localIndex, ReadCheck(cluster)));
        var resource = new PostgresRouterResource(name, region, run.Folder, configFile);

        IResourceBuilder<PostgresRouterResource> router = builder.AddResource(resource)
            .WithEndpoint(scheme: "tcp", name: PostgresRouterResource.WriteEndpointName, env: PostgresRouterConfig.WritePortVariable, isProxied: false)
            .WithEndpoint(scheme: "tcp", name: PostgresRouterResource.ReadEndpointName, env: PostgresRouterConfig.ReadPortVariable, isProxied: false)
            .WithHttpEndpoint(name: PostgresRouterResource.MonitorEndpointName, env: PostgresRouterConfig.MonitorPortVariable, isProxied: false)
            // -db: stay in the foreground so the orchestrator owns the process.
            .WithArgs("-db", "-f", configFile)
            .WithHttpReadinessCheck(HAProxyResource.HealthPath, PostgresRouterResource.MonitorEndpointName)
            .WithIconName("ArrowRouting");

        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i].Resource;
            var postgres = links.Reach(region, node.Region, PatroniBuilderExtensions.NodeService(PatroniBuilderExtensions.PostgresService, node.Ordinal), node.PostgresEndpoint);
            var rest = links.Reach(region, node.Region, PatroniBuilderExtensions.NodeService(PatroniBuilderExtensions.RestService, node.Ordinal), node.RestEndpoint);
            router.WithEnvironment(PostgresRouterConfig.PostgresPortVariable(i), postgres.Property(EndpointProperty.Port));
            router.WithEnvironment(PostgresRouterConfig.RestPortVariable(i), rest.Property(EndpointProperty.Port));
            router.WaitFor(nodes[i]);
        }

        return router;
    }

    /// <summary>
    /// Patroni's check for read servers: <c>/replica</c> in one cluster; with standby clusters <c>/read-only</c>, since
    /// a standby cluster's leader answers 503 to <c>/replica</c> (it is a leader) though it serves reads.
    /// </summary>
    private static string ReadCheck(PatroniCluster cluster) =>
        cluster.Standbys.Count > 0 ? PostgresRouterConfig.ReadOnlyCheck : PostgresRouterConfig.ReplicaCheck;
}
