namespace Simulator.AppHost.Run.Containers;

/// <summary>The <c>--endpoints</c> document of a running containers topology.</summary>
public static class ContainerEndpoints
{
    /// <summary>
    /// Per region: Odoo through its Traefik, PostgreSQL through Traefik's <c>postgres</c> entry point (the leader,
    /// wherever it is), Redis and MinIO as published; and Toxiproxy's API.
    /// </summary>
    public static async Task<EndpointsDocument> DescribeAsync(ContainerRunTopology topology, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var credentials = topology.Credentials;
        var password = await topology.DatabaseNodes[0].PasswordParameter.GetValueAsync(cancellationToken);
        var regions = new Dictionary<string, RegionEndpoints>(StringComparer.Ordinal);
        foreach (var region in topology.Topology.Regions)
        {
            var ingress = region.Ingress.Resource;
            // With tenants, a region's Odoo and its database route serve only its own: its first tenant.
            var database = topology.Topology.Spec.DefaultTenant(region.Name) ?? credentials.Database;
            regions[region.Name] = new RegionEndpoints(
                new OdooEndpoint(ingress.IngressUrl, database, credentials.Login, credentials.Password),
                $"Host=127.0.0.1;Port={ingress.PostgresEndpoint.Port};Username=postgres;Password={password};Database={database}",
                await region.Redis.Resource.ConnectionStringExpression.GetValueAsync(cancellationToken),
                region.Storage.Resource.ApiUrl);
        }

        return new EndpointsDocument(topology.Runtime, regions, topology.FaultProxyApiUrl);
    }
}
