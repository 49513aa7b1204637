using System.Globalization;
using Simulator.AppHost.Integrations.HAProxy;
using Simulator.AppHost.Integrations.Health;
using Simulator.AppHost.Integrations.Patroni;
using Simulator.AppHost.Integrations.Postgres;
using Simulator.AppHost.Integrations.Redis;
using Simulator.AppHost.Integrations.S3;
using Simulator.Load.Odoo;

namespace Simulator.AppHost.Integrations.Odoo;

/// <summary>Adds the project's Odoo emulator (the <c>native</c> face of an Odoo server).</summary>
public static class OdooEmulatorBuilderExtensions
{
    /// <summary>Name of the emulator's HTTP endpoint.</summary>
    public const string EndpointName = "http";

    /// <summary>
    /// Where readiness is asked: Odoo's health route with its database probe, so a node counts as ready (and the
    /// dashboard shows it unhealthy) by whether it can reach its database, while the ingress asks only whether it
    /// answers.
    /// </summary>
    public const string ReadinessPath = "/web/health?db_server_status=1";

    /// <summary>
    /// Adds one Odoo emulator node of <paramref name="region"/> writing to <paramref name="database"/>
    /// and keeping web sessions in <paramref name="sessions"/>; it starts once both are healthy and is
    /// healthy itself once <see cref="ReadinessPath"/> answers 200. The JSON-2 API accepts
    /// <see cref="OdooCredentials.ApiKey"/> when the credentials carry one.
    /// </summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="name">The resource name.</param>
    /// <param name="region">The node's region; its warehouse is the default of new orders.</param>
    /// <param name="database">The primary database.</param>
    /// <param name="sessions">The region's Redis.</param>
    /// <param name="credentials">The run's Odoo credentials.</param>
    /// <param name="databaseVia">Where the node reaches the database: its own endpoint when null, a fault-proxy link from another region.</param>
    /// <param name="warehouses">The regions whose warehouses are seeded; the node's own when empty.</param>
    public static IResourceBuilder<ProjectResource> AddOdooEmulator(
        this IDistributedApplicationBuilder builder,
        string name,
        string region,
        IResourceBuilder<NativePostgresResource> database,
        IResourceBuilder<NativeRedisResource> sessions,
        OdooCredentials credentials,
        EndpointReference? databaseVia = null,
        IReadOnlyList<string>? warehouses = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(credentials);

        var via = databaseVia ?? database.Resource.Endpoint;
        return builder.AddNode(name, region, database.Resource.ConnectionStringVia(via), sessions, credentials, warehouses)
            .WaitFor(database)
            .WaitForServerOf(via);
    }

    /// <summary>
    /// Adds one Odoo emulator node of <paramref name="region"/> on a Patroni cluster: writes through
    /// <paramref name="router"/>'s write endpoint (to whichever node leads), read-only calls through its read endpoint
    /// (the region's replica first), web sessions in <paramref name="sessions"/>. It starts once the router and Redis
    /// are healthy; the router itself waits for every node.
    /// </summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="name">The resource name.</param>
    /// <param name="region">The node's region; its warehouse is the default of new orders.</param>
    /// <param name="cluster">The Patroni cluster (for the database's name and password).</param>
    /// <param name="router">The region's PostgreSQL router.</param>
    /// <param name="sessions">The region's Redis.</param>
    /// <param name="credentials">The run's Odoo credentials.</param>
    /// <param name="warehouses">The regions whose warehouses are seeded; the node's own when empty.</param>
    public static IResourceBuilder<ProjectResource> AddOdooEmulator(
        this IDistributedApplicationBuilder builder,
        string name,
        string region,
        PatroniCluster cluster,
        IResourceBuilder<PostgresRouterResource> router,
        IResourceBuilder<NativeRedisResource> sessions,
        OdooCredentials credentials,
        IReadOnlyList<string>? warehouses = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(credentials);
        return builder.AddNode(name, region, cluster.ConnectionStringVia(router.Resource.WriteEndpoint), sessions, credentials, warehouses)
            .WithEnvironment("Odoo__DbReplica", cluster.ConnectionStringVia(router.Resource.ReadEndpoint))
            .WaitFor(router);
    }

    private static IResourceBuilder<ProjectResource> AddNode(
        this IDistributedApplicationBuilder builder,
        string name,
        string region,
        ReferenceExpression database,
        IResourceBuilder<NativeRedisResource> sessions,
        OdooCredentials credentials,
        IReadOnlyList<string>? warehouses)
    {
        var node = builder.AddProject<Projects.Simulator_OdooEmulator>(name, launchProfileName: null);
        var endpoint = node.GetEndpoint(EndpointName);
        if (credentials.ApiKey is { } apiKey)
        {
            node.WithEnvironment("Odoo__ApiKey", apiKey);
        }

        if (warehouses is { Count: > 0 })
        {
            node.WithEnvironment("Odoo__Warehouses", string.Join(',', warehouses));
        }

        return node
            .WithHttpEndpoint(name: EndpointName, isProxied: false)
            // Loopback only, never every interface.
            .WithEnvironment("ASPNETCORE_URLS", ReferenceExpression.Create($"http://127.0.0.1:{endpoint.Property(EndpointProperty.TargetPort)}"))
            .WithEnvironment("Odoo__Database", database)
            .WithEnvironment("Odoo__DatabaseName", credentials.Database)
            .WithEnvironment("Odoo__Login", credentials.Login)
            .WithEnvironment("Odoo__Password", credentials.Password)
            .WithEnvironment("Odoo__Region", region)
            .WithEnvironment("Odoo__Redis", sessions.Resource.ConnectionStringExpression)
            .WithHttpReadinessCheck(ReadinessPath, EndpointName)
            .WaitFor(sessions);
    }

    /// <summary>
    /// Stores the node's attachment contents (<c>ir.attachment</c>) in <paramref name="storage"/>'s bucket
    /// (<c>Odoo__S3__*</c>) instead of the database, as Odoo with an S3 filestore; the node starts once it is healthy.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithAttachmentStorage(
        this IResourceBuilder<ProjectResource> node, IResourceBuilder<NativeS3Resource> storage)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(storage);
        return node
            .WithEnvironment("Odoo__S3__Endpoint", storage.Resource.ConnectionStringExpression)
            .WithEnvironment("Odoo__S3__Bucket", storage.Resource.Bucket)
            .WithEnvironment("Odoo__S3__AccessKey", NativeS3Resource.AccessKey)
            .WithEnvironment("Odoo__S3__SecretKey", NativeS3Resource.SecretKey)
            .WaitFor(storage);
    }

    /// <summary>
    /// Makes the node serve several tenant databases (<c>Odoo__Tenants__&lt;tenant&gt;</c>), each on the server
    /// <paramref name="tenants"/> places it, as one Odoo server serves several databases; requests name theirs. The node
    /// starts once every server is healthy.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithTenants(
        this IResourceBuilder<ProjectResource> node, IReadOnlyDictionary<string, IResourceBuilder<NativePostgresResource>> tenants)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(tenants);
        foreach (var (tenant, server) in tenants)
        {
            node.WithEnvironment($"Odoo__Tenants__{tenant}", server.Resource.ConnectionStringVia(server.Resource.Endpoint, tenant)).WaitFor(server);
        }

        return node;
    }

    /// <summary>
    /// Runs the node with <paramref name="workers"/> HTTP workers (<c>Odoo__Workers</c>, Odoo's <c>workers</c>): how many
    /// requests it serves at once. Null keeps the emulator's default.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithWorkers(this IResourceBuilder<ProjectResource> node, int? workers)
    {
        ArgumentNullException.ThrowIfNull(node);
        return workers is { } count ? node.WithEnvironment("Odoo__Workers", count.ToString(CultureInfo.InvariantCulture)) : node;
    }

    /// <summary>
    /// Sends the node's read-only calls to <paramref name="replica"/> (<c>Odoo__DbReplica</c>, Odoo's
    /// <c>db_replica_host</c>), writes staying on the primary; the node starts once the replica is healthy.
    /// No replica (null) leaves every call on the primary.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithReadReplica(
        this IResourceBuilder<ProjectResource> node, IResourceBuilder<NativePostgresResource>? replica)
    {
        ArgumentNullException.ThrowIfNull(node);
        return replica is null
            ? node
            : node.WithEnvironment("Odoo__DbReplica", replica.Resource.ConnectionStringExpression).WaitFor(replica);
    }
}
