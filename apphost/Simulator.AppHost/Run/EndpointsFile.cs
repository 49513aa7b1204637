using System.Text.Json;
using Simulator.AppHost.Topology;

namespace Simulator.AppHost.Run;

/// <summary>Builds and writes the <c>--endpoints</c> document of a running topology.</summary>
public static class EndpointsFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Resolves the entry points of every region (ports are known once the topology runs).</summary>
    public static async Task<EndpointsDocument> DescribeAsync(NativeTopology topology, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var regions = new Dictionary<string, RegionEndpoints>(StringComparer.Ordinal);
        foreach (var region in topology.Regions)
        {
            var ingress = region.Ingress.Resource.IngressUrl;
            var credentials = topology.Credentials;
            // With tenants, a region's Odoo serves only its own: its first tenant (globex in us on regional-segmented).
            var database = topology.Spec.DefaultTenant(region.Name) ?? credentials.Database;
            regions[region.Name] = new RegionEndpoints(
                new OdooEndpoint(ingress, database, credentials.Login, credentials.Password) { ApiKey = credentials.ApiKey },
                await DatabaseAsync(topology, region, cancellationToken),
                await region.Redis.Resource.ConnectionStringExpression.GetValueAsync(cancellationToken),
                region.ObjectStorage is null ? null : await region.ObjectStorage.Resource.ConnectionStringExpression.GetValueAsync(cancellationToken));
        }

        return new EndpointsDocument("native", regions, topology.FaultProxy?.Resource.ApiUrl);
    }

    /// <summary>
    /// The region's database entry point: on a Patroni topology its router's write endpoint (whichever node leads),
    /// otherwise the primary, or the region's first replica.
    /// </summary>
    private static async Task<string?> DatabaseAsync(NativeTopology topology, RegionResources region, CancellationToken cancellationToken)
    {
        if (topology.Patroni is { } cluster && region.DatabaseRouter is { } router)
        {
            return await cluster.ConnectionStringVia(router.Resource.WriteEndpoint).GetValueAsync(cancellationToken);
        }

        var database = region.Primary ?? (region.Replicas.Count > 0 ? region.Replicas[0] : null);
        return database is null ? null : await database.Resource.ConnectionStringExpression.GetValueAsync(cancellationToken);
    }

    /// <summary>Writes the document as JSON, creating the folder if needed.</summary>
    public static async Task WriteAsync(string path, EndpointsDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, document, Json, cancellationToken);
    }
}
